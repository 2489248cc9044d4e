// Data that customers, bots and routing strategies wrote is shown as text, never as
// markup; odd keys work like any other; every GWS error leaves the agent's value in
// place with the reason, and a retry works.
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { grid, renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

async function openPanel() {
  const view = renderPanel(sim.url);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  return view;
}

const HOSTILE: Record<string, unknown> = {
  '<img src=x onerror=alert(1)>': 'key as markup',
  Markup: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  Link: 'javascript:window.__pwned=3',
  constructor: 'constructor value',
  prototype: 'prototype value',
  '': 'empty key',
  '   ': 'spaces key',
  '\u200B': 'zero-width key',
  '\u200E\u00AD': 'direction mark and soft hyphen key',
  '          ': 'ten spaces key',
  ['K'.repeat(10_000)]: '10 kB key',
  'Ключ 🔑': 'значение ✓ 😀',
  RightToLeft: '\u202Eevil.exe\u202C שלום',
  ZeroWidth: 'a\u200Bb\u200Dc',
  LongKey: 'k',
  ['K'.repeat(1000)]: '1 kB key',
  Nested: { a: [1, 2, { b: null }] },
  List: ['x', 'y'],
  Flag: false,
  Spaces: '   ',
  Empty: '',
};

describe('hostile keys and values', () => {
  it('renders every key and value as text, with no element or script created from them', async () => {
    await control.updateUserData(SEED_CHAT_ID, HOSTILE);
    // In an object literal `__proto__` would set the prototype; as JSON text it stays a key.
    await fetch(`${sim.url}/sim/chats/${SEED_CHAT_ID}/userData`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"userData":{"__proto__":"proto value"}}',
    });
    await openPanel();
    await waitFor(() => expect(within(grid()).getByRole('rowheader', { name: '__proto__' })).toBeInTheDocument());
    expect(grid().querySelector('img, script, a')).toBeNull();
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
    expect(valueCell('Markup')).toHaveTextContent('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
    expect(valueCell('<img src=x onerror=alert(1)>')).toHaveTextContent('key as markup');
    expect(valueCell('Link')).toHaveTextContent('javascript:window.__pwned=3');
    expect(valueCell('__proto__')).toHaveTextContent('proto value');
    expect(valueCell('constructor')).toHaveTextContent('constructor value');
    expect(valueCell('(empty key)')).toHaveTextContent('empty key');
    // Keys no one can see are named by their code points (bad-input test: their row headers read blank).
    expect(valueCell('(empty key) U+0020 U+0020 U+0020')).toHaveTextContent('spaces key');
    expect(valueCell('(empty key) U+200B')).toHaveTextContent('zero-width key');
    // Its editor too (exploratory test: "Value of", the key unheard).
    await userEvent.dblClick(valueCell('(empty key) U+200B'));
    expect(await screen.findByRole('textbox', { name: 'Value of (empty key) U+200B' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(valueCell('(empty key) U+200E U+00AD')).toHaveTextContent('direction mark and soft hyphen key');
    expect(valueCell(`(empty key)${' U+0020'.repeat(8)} …`)).toHaveTextContent('ten spaces key');
    expect(valueCell('K'.repeat(10_000))).toHaveTextContent('10 kB key');
    expect(valueCell('Ключ 🔑')).toHaveTextContent('значение ✓ 😀');
    expect(valueCell('RightToLeft')).toHaveTextContent('\u202Eevil.exe\u202C שלום');
    expect(valueCell('ZeroWidth')).toHaveTextContent('a\u200Bb\u200Dc');
    expect(valueCell('Nested')).toHaveTextContent('{"a":[1,2,{"b":null}]}');
    expect(valueCell('Nested')).toHaveAttribute('aria-readonly', 'true');
    expect(valueCell('List')).toHaveAttribute('aria-readonly', 'true');
    // A value of only spaces said by its length (exploratory test: it looked blank and its cell had no name).
    expect(valueCell('Spaces')).toHaveAccessibleName('3 characters');
    expect(valueCell('Empty')).toHaveAccessibleName('(empty)');
  });

  it('shows invisible characters inside a key by their code points: a look-alike of a configured key reads apart from it', async () => {
    await control.updateUserData(SEED_CHAT_ID, {
      'Subject\u200B': 'zero-width space',
      '\u202EtcejbuS': 'right-to-left override',
      'Sub\u00ADject': 'soft hyphen',
      // A joiner or a selector with nothing to join or select (review: each read as Subject).
      'Sub\u200Dject': 'joiner',
      '\u200CSubject': 'non-joiner',
      'Subject\uFE0F': 'selector',
      // Written with invisible characters that are part of the words: shown as written.
      'Like \u2764\uFE0F': 'emoji presentation',
      'Family \u{1F468}\u200D\u{1F469}': 'emoji sequence',
      'می\u200Cخواهم': 'Persian with a zero-width non-joiner',
    });
    await openPanel();
    // Before (integrator's test): four rows that each read "Subject", beside the real one.
    expect(valueCell('Subject⟨U+200B⟩')).toHaveTextContent('zero-width space');
    expect(valueCell('⟨U+202E⟩tcejbuS')).toHaveTextContent('right-to-left override');
    expect(valueCell('Sub⟨U+00AD⟩ject')).toHaveTextContent('soft hyphen');
    expect(valueCell('Sub⟨U+200D⟩ject')).toHaveTextContent('joiner');
    expect(valueCell('⟨U+200C⟩Subject')).toHaveTextContent('non-joiner');
    expect(valueCell('Subject⟨U+FE0F⟩')).toHaveTextContent('selector');
    expect(within(grid()).getAllByRole('rowheader', { name: 'Subject' })).toHaveLength(1);
    expect(valueCell('Like \u2764\uFE0F')).toHaveTextContent('emoji presentation');
    expect(valueCell('Family \u{1F468}\u200D\u{1F469}')).toHaveTextContent('emoji sequence');
    expect(valueCell('می\u200Cخواهم')).toHaveTextContent('Persian with a zero-width non-joiner');
    // Its editor's name says it too, and a write goes to the key itself.
    await userEvent.dblClick(valueCell('Subject⟨U+200B⟩'));
    await userEvent.keyboard('{Control>}a{/Control}changed{Enter}');
    await waitFor(async () => expect((await control.operations()).map((op) => op.userData)).toEqual([{ 'Subject\u200B': 'changed' }]));
  });

  it('edits a __proto__ key like any other, and never loses structured values when others are saved', async () => {
    await fetch(`${sim.url}/sim/chats/${SEED_CHAT_ID}/userData`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"userData":{"__proto__":"old","Nested":{"a":[1,2]}}}',
    });
    const { user } = await openPanel();
    await waitFor(() => valueCell('__proto__'));
    valueCell('__proto__').focus();
    await user.keyboard('new proto{Enter}');
    await waitFor(() => expect(valueCell('__proto__')).not.toHaveAttribute('aria-busy'));
    const requests = await control.requests();
    const posted = requests.filter((request) => request.method === 'POST');
    expect(posted).toHaveLength(1);
    const raw = await (await fetch(`${sim.url}/api/v2/me/chats/${SEED_CHAT_ID}`)).text();
    expect(raw).toContain('"__proto__":"new proto"');
    expect(raw).toContain('"Nested":{"a":[1,2]}');
    valueCell('Nested').focus();
    await user.keyboard('{Enter}x{Delete}');
    expect(screen.queryByRole('textbox', { name: 'Value of Nested' })).not.toBeInTheDocument();
  });
});

describe('another party’s 10 kB value', () => {
  it('is quoted cut to 80 characters where a sentence names it: a conflict’s reason, what is said, the open editor’s conflict', async () => {
    const { user } = await openPanel();
    const theirs = (letter: string) => letter.repeat(10_000);
    const quoted = (letter: string) => `“${letter.repeat(80)}…”`;
    await control.faults({ failNext: 1, statusCode: 4 });
    valueCell('Subject').focus();
    await user.keyboard('Refund{Enter}');
    const region = (await screen.findByText(/^Subject: Not saved: /)).closest('[aria-live]');
    await control.updateUserData(SEED_CHAT_ID, { Subject: theirs('T') });
    // Before (review): the whole 10 kB in the reason beside the cell, its description, and the live region.
    const reason = `Not saved, and changed on the server to ${quoted('T')} since. Keep yours or take theirs. Enter opens yours with the choice, Escape takes theirs.`;
    await waitFor(() => expect(region?.textContent).toBe(`Subject: ${reason}`));
    expect(valueCell('Subject')).toHaveAccessibleDescription(reason);

    // The editor open on the agent's text when their value arrives.
    valueCell('ServiceType').focus();
    await user.keyboard('mine');
    await control.updateUserData(SEED_CHAT_ID, { ServiceType: theirs('P') });
    expect(await screen.findByText(`Changed on the server: “default” → ${quoted('P')}.`, { exact: false })).toBeInTheDocument();
  });
});

describe('every GWS error keeps the agent value, says why, and can be retried', () => {
  const statusCodes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
  it.each(statusCodes)('statusCode %i', async (statusCode) => {
    const { user } = await openPanel();
    await control.faults({ failNext: 1, statusCode });
    valueCell('Subject').focus();
    await user.keyboard(`value ${statusCode}{Enter}`);
    await waitFor(() => expect(valueCell('Subject')).toHaveAttribute('aria-invalid', 'true'));
    expect(valueCell('Subject')).toHaveTextContent(`value ${statusCode}`);
    expect(valueCell('Subject')).toHaveAccessibleDescription(new RegExp(`statusCode ${statusCode}\\)`));
    await user.click(within(valueCell('Subject')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-invalid'));
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
    expect(valueCell('Subject')).toHaveTextContent(`value ${statusCode}`);
  });

  it.each([500, 502, 503, 504])('HTTP %i with an HTML error page', async (httpStatus) => {
    const { user } = await openPanel();
    await control.faults({ failNext: 1, httpStatus });
    valueCell('Subject').focus();
    await user.keyboard(`http ${httpStatus}{Enter}`);
    // A gateway's error may come after GWS applied the write: not called a refusal.
    await waitFor(() => expect(valueCell('Subject')).toHaveAccessibleDescription(new RegExp(`^Not confirmed: Server error HTTP ${httpStatus}.*It may have been saved`)));
    expect(valueCell('Subject')).toHaveTextContent(`http ${httpStatus}`);
    await user.click(within(valueCell('Subject')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-invalid'));
  });

  it.each([502, 504])('HTTP %i after GWS applied the write (its notification first): saved, not Not saved', async (httpStatus) => {
    const { user, store } = await openPanel();
    await control.faults({ failNext: 1, httpStatus, applied: true });
    valueCell('Subject').focus();
    await user.keyboard(`applied ${httpStatus}{Enter}`);
    await waitFor(async () => expect(await control.operations()).toHaveLength(1));
    // The proxy's error comes 300 ms after the notification; it must not turn the saved value into a refusal.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
    expect(valueCell('Subject')).not.toHaveAttribute('aria-invalid');
    expect(valueCell('Subject')).toHaveTextContent(new RegExp(`^applied ${httpStatus}(Saved)?$`));
    expect(store.getState().chats.get(SEED_CHAT_ID)?.pending).toEqual([]);
  });

  it('statusCode 20 (not authenticated) means the session expired: the edit is kept and queued', async () => {
    const { user } = await openPanel();
    await control.faults({ failNext: 1, statusCode: 20 });
    valueCell('Subject').focus();
    await user.keyboard('kept{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Session expired/));
    expect(valueCell('Subject')).toHaveTextContent('kept');
    expect(within(valueCell('Subject')).getByText('Queued')).toBeInTheDocument();
  });
});
