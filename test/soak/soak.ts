// The soak: the real widget in Chromium against the simulator, with random agent edits,
// remote edits, participant changes and connection drops. When time is up it settles,
// then checks that the grid equals the server's state, that every agent edit reached
// GWS, and that memory stayed flat. `npm run soak -- --minutes N`; `npm test` runs it for
// a few seconds through test/e2e/soak.spec.ts.

import { chromium, type Page } from '@playwright/test';
import { startSimulator } from '../../simulator/server';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../support/chromium';
import { simControl } from '../support/simulator';

export type SoakOptions = { readonly seconds: number; readonly widgetDir: string; readonly seed?: number; readonly log?: (line: string) => void };

export type SoakReport = {
  readonly operations: Record<'agentEdits' | 'remoteEdits' | 'participantChanges' | 'connectionDrops' | 'conflictsResolved', number>;
  readonly checks: Record<'keysCompared' | 'agentEditsVerified', number>;
  readonly heapMiB: { readonly start: number; readonly end: number };
  readonly failures: readonly string[];
};

const CHAT = '0000Wa9CAM6W00J';
const KEYS = Array.from({ length: 12 }, (_unused, index) => `Soak${String(index).padStart(2, '0')}`);

/** A small seeded generator, so a failing soak can be replayed with its seed. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T, int: (max: number) => Math.floor(next() * max) };
}

const cell = (page: Page, key: string) => page.getByRole('row', { name: new RegExp(`^${key}\\b`) }).getByRole('gridcell');

async function heapMiB(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize / 1024 / 1024;
}

/** Waits until nothing is queued, saving or in conflict; conflicts are resolved "keep mine". */
async function settle(page: Page, report: { conflictsResolved: number }) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const keep = page.getByRole('button', { name: 'Keep mine' });
    if ((await keep.count()) > 0) {
      await keep.first().click();
      report.conflictsResolved += 1;
      continue;
    }
    const busy = await page.locator('[role="gridcell"][aria-busy="true"], .case-data__row--queued, .case-data__row--conflict').count();
    const live = (await page.getByRole('status').first().textContent()) === 'Live';
    if (busy === 0 && live) return;
    await page.waitForTimeout(200);
  }
  throw new Error('the widget did not settle within 60 s');
}

export async function runSoak({ seconds, widgetDir, seed = Date.now(), log = () => undefined }: SoakOptions): Promise<SoakReport> {
  const rng = random(seed);
  const sim = await startSimulator({ port: 0, widgetDir });
  const control = simControl(sim.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  const operations = { agentEdits: 0, remoteEdits: 0, participantChanges: 0, connectionDrops: 0, conflictsResolved: 0 };
  const agentWrites: { key: string; value: string }[] = [];
  const failures: string[] = [];
  try {
    await control.updateUserData(CHAT, Object.fromEntries(KEYS.map((key) => [key, 'start'])));
    const page = await browser.newPage();
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    await page.goto(`${sim.url}/?chatId=${CHAT}`);
    await page.getByRole('status').filter({ hasText: /^Live$/ }).waitFor();
    const heapStart = await heapMiB(page);
    log(`soak: seed ${seed}, ${seconds} s against ${sim.url}`);

    const deadline = Date.now() + seconds * 1000;
    let joined: string[] = [];
    while (Date.now() < deadline) {
      const roll = rng.next();
      if (roll < 0.5) {
        const key = rng.pick(KEYS);
        const value = `agent-${operations.agentEdits}`;
        const target = cell(page, key);
        if ((await page.getByRole('textbox').count()) > 0) await page.keyboard.press('Escape');
        await target.focus();
        await page.keyboard.type(value);
        await page.keyboard.press('Enter');
        agentWrites.push({ key, value });
        operations.agentEdits += 1;
      } else if (roll < 0.8) {
        await control.updateUserData(CHAT, { [rng.pick(KEYS)]: `remote-${operations.remoteEdits}` });
        operations.remoteEdits += 1;
      } else if (roll < 0.93) {
        if (joined.length > 0 && rng.next() < 0.5) {
          await control.leaveParticipant(CHAT, joined.shift() ?? '');
        } else {
          const participantId = `soak-${operations.participantChanges}`;
          await control.joinParticipant(CHAT, { nickname: `Observer ${operations.participantChanges}`, type: 'Agent', participantId });
          joined.push(participantId);
        }
        operations.participantChanges += 1;
      } else {
        await control.faults({ notificationsDownMs: 500 + rng.int(2000) });
        operations.connectionDrops += 1;
      }
      await page.waitForTimeout(20 + rng.int(150));
    }

    await control.faults({ notificationsDownMs: 0 });
    await settle(page, operations);
    const heapEnd = await heapMiB(page);

    // The grid equals the server.
    const server = (await (await fetch(`${sim.url}/api/v2/me/chats/${CHAT}`)).json()) as { chat: { userData: Record<string, unknown>; participants: { nickname: string }[] } };
    let keysCompared = 0;
    for (const key of KEYS) {
      const shown = (await cell(page, key).locator('.case-data__text').textContent()) ?? '';
      const expected = String(server.chat.userData[key]);
      if (shown !== expected) failures.push(`${key}: grid shows ${JSON.stringify(shown)}, server has ${JSON.stringify(expected)}`);
      keysCompared += 1;
    }
    const participants = await page.getByRole('list', { name: 'Participants' }).getByRole('listitem').count();
    if (participants !== server.chat.participants.length) failures.push(`participants: grid shows ${participants}, server has ${server.chat.participants.length}`);

    // Every agent edit reached GWS: none was dropped on the way.
    const posted = new Set(
      (await control.operations())
        .filter((op) => op.operationName === 'UpdateUserData')
        .flatMap((op) => Object.entries(op.userData as Record<string, unknown>).map(([key, value]) => `${key}=${String(value)}`)),
    );
    // A write the agent replaced with a newer one of the same key before it could go out
    // (a conflict or failure retyped) counts as kept by that newer one; the newest must be sent.
    let agentEditsVerified = 0;
    agentWrites.forEach((write, index) => {
      const newer = agentWrites.slice(index + 1).filter((other) => other.key === write.key);
      if (posted.has(`${write.key}=${write.value}`) || newer.some((other) => posted.has(`${other.key}=${other.value}`))) agentEditsVerified += 1;
      else failures.push(`agent edit ${write.key}=${write.value} never reached GWS`);
    });
    joined = [];
    return {
      operations,
      checks: { keysCompared, agentEditsVerified },
      heapMiB: { start: Math.round(heapStart * 100) / 100, end: Math.round(heapEnd * 100) / 100 },
      failures,
    };
  } finally {
    await browser.close();
    await sim.close();
  }
}
