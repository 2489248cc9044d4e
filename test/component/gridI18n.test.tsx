// The case-data grid in German and Arabic: its texts come from the catalogues (toolbar,
// headers, badges, reasons, announcements, GWS errors) and, right to left, the arrow keys
// follow the layout. English is covered by every other grid test, which must not change.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { createGwsClient, type GwsError } from '../../src/gws';
import { createTranslate, loadCatalog, translateEnglish, type Locale } from '../../src/i18n';
import { translateGwsError } from '../../src/i18n/gwsErrors';
// The editor's English texts come with its chunk; the sentence below is one of them.
import '../../src/i18n/editorTexts';
import { createChatStore } from '../../src/store';
import { simulatorPerFile } from '../support/simulator';

// Catalogues other than English arrive by dynamic import: the first render is English.
const CATALOGUE = { timeout: 5_000 };

const sim = simulatorPerFile();
const { control } = sim;

function renderIn(locale: Locale, baseUrl = sim.url, activeChatId: string | null = null) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const client = createGwsClient({ baseUrl, credentials: 'include', timeoutMs: 5_000 });
  const user = userEvent.setup();
  render(<App client={client} queryClient={queryClient} store={createChatStore({ activeChatId })} initialLocale={locale} />);
  return { user };
}

/** The grid, its value and key cells, found by the grid's translated name. */
function gridOf(name: string) {
  const grid = () => screen.getByRole('grid', { name });
  const keyCell = (key: string) => within(grid()).getByRole('rowheader', { name: key });
  const valueCell = (key: string) => {
    const row = keyCell(key).closest('[role="row"]');
    if (!(row instanceof HTMLElement)) throw new Error(`no row for ${key}`);
    return within(row).getByRole('gridcell');
  };
  return { grid, keyCell, valueCell };
}

async function openIn(locale: Locale, gridName: string) {
  const view = renderIn(locale);
  await screen.findByRole('grid', { name: gridName }, CATALOGUE);
  // "Live" is "Live" in German too; Arabic says "متصل".
  await screen.findByText(locale === 'ar' ? 'متصل' : 'Live', {}, { timeout: 5_000 });
  return { ...view, ...gridOf(gridName) };
}

describe('the grid in German', () => {
  it('labels the toolbar, the headers and the empty filter result', async () => {
    const { user, grid } = await openIn('de', 'Falldaten');
    const toolbar = screen.getByRole('group', { name: 'Werkzeuge für Falldaten' });
    const filter = within(toolbar).getByRole('searchbox', { name: 'Filtern' });
    expect(filter).toHaveAttribute('placeholder', 'Schlüssel oder Wert');
    expect(within(toolbar).getByRole('button', { name: 'Feld hinzufügen' })).toBeInTheDocument();
    expect(within(grid()).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Schlüssel', 'Wert']);
    await user.type(filter, 'zzz');
    expect(screen.getByText('Kein Schlüssel und kein Wert enthält „zzz“.')).toBeInTheDocument();
  });

  it('words editor labels, typing refusals, badges and announcements', async () => {
    const { user, valueCell, keyCell } = await openIn('de', 'Falldaten');
    valueCell('UserData1').focus();
    await user.keyboard('{Enter}');
    const editor = screen.getByRole('spinbutton', { name: 'Wert von UserData1' });
    await user.clear(editor);
    await user.type(editor, '12x');
    expect(editor).toHaveAccessibleDescription('Dieser Wert ist eine Zahl: Nur Ziffern und ein Dezimalpunkt sind erlaubt.');
    await user.keyboard('{Escape}');

    valueCell('Subject').focus();
    await user.keyboard('Neuer Betreff{Enter}');
    expect(await within(valueCell('Subject')).findByText('Gespeichert')).toBeInTheDocument();

    valueCell('UserData1').focus();
    await user.keyboard('{Delete}');
    expect(await screen.findByText('UserData1 wird gelöscht. Mit Strg+Z machen Sie es rückgängig.')).toBeInTheDocument();
    // Once the row has gone, the focus is where a browser's focus keeping puts it (jsdom leaves it on the page: renderPanel.tsx, focusAfterRowGone).
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'UserData1' })).not.toBeInTheDocument());
    screen.getAllByRole('gridcell')[0]?.focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Änderung an UserData1 rückgängig gemacht.')).toBeInTheDocument();
    await waitFor(() => expect(keyCell('UserData1')).toBeInTheDocument());
  });

  it('says why a save failed with the GWS error in German, and offers Retry and Discard', async () => {
    const { user, valueCell } = await openIn('de', 'Falldaten');
    await control.faults({ failNext: 1, statusCode: 4 });
    valueCell('Subject').focus();
    await user.keyboard('Erstattung{Enter}');
    await waitFor(() => expect(valueCell('Subject')).toHaveAccessibleDescription(/^Nicht gespeichert: Interner Fehler \(statusCode 4\)/));
    expect(within(valueCell('Subject')).getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument();
    expect(within(valueCell('Subject')).getByRole('button', { name: 'Verwerfen' })).toBeInTheDocument();
  });

  it('names the chat state in German where a chat refuses changes', async () => {
    renderIn('de', sim.url, '0000Wa9CAM6W00Q');
    await screen.findByRole('grid', { name: 'Falldaten' }, CATALOGUE);
    // Before: "… im Status Invited …", GWS's word inside a German sentence.
    expect((await screen.findAllByText('Der Chat im Status Eingeladen erlaubt kein Ändern von Falldaten (Capability UpdateUserData fehlt).')).length).toBeGreaterThan(0);
    expect(screen.queryByText(/Status Invited/)).toBeNull();
  });

  it('explains a failed chat list in German', async () => {
    // Nothing listens on port 9: the request fails before any answer.
    renderIn('de', 'http://127.0.0.1:9');
    expect(await screen.findByText(/^Die Chats konnten nicht geladen werden\. Server nicht erreichbar: /, {}, CATALOGUE)).toBeInTheDocument();
  });
});

describe('the grid in Arabic', () => {
  it('is labelled in Arabic and its arrows follow the right-to-left layout', async () => {
    const { user, grid, keyCell, valueCell } = await openIn('ar', 'بيانات الحالة');
    expect(screen.getByRole('group', { name: 'أدوات بيانات الحالة' })).toBeInTheDocument();
    expect(within(grid()).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['المفتاح', 'القيمة']);
    // The key column is on the right: ArrowRight goes from the value to the key, ArrowLeft back.
    valueCell('Subject').focus();
    await user.keyboard('{ArrowRight}');
    expect(keyCell('Subject')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(valueCell('Subject')).toHaveFocus();
    // Home and End stay logical: the key, then the value.
    await user.keyboard('{Home}');
    expect(keyCell('Subject')).toHaveFocus();
    await user.keyboard('{End}');
    expect(valueCell('Subject')).toHaveFocus();
  });

  it('lets keys and values take their own direction', async () => {
    const { keyCell, valueCell } = await openIn('ar', 'بيانات الحالة');
    expect(within(keyCell('Subject')).getByText('Subject')).toHaveAttribute('dir', 'auto');
    expect(within(valueCell('Subject')).getByText('Customer support')).toHaveAttribute('dir', 'auto');
  });

  it('words reasons and announcements in Arabic', async () => {
    const { user, valueCell } = await openIn('ar', 'بيانات الحالة');
    valueCell('UserData1').focus();
    await user.keyboard('{Enter}');
    // The key keeps its own direction inside the Arabic label: isolated (FSI … PDI).
    const editor = screen.getByRole('spinbutton', { name: 'قيمة \u2068UserData1\u2069' });
    await user.clear(editor);
    await user.type(editor, 'x');
    expect(editor).toHaveAccessibleDescription('هذه القيمة عدد: يُسمح بالأرقام وفاصلة عشرية واحدة فقط.');
    await user.keyboard('{Escape}');
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('لا يوجد ما يمكن التراجع عنه.')).toBeInTheDocument();
  });

  it('takes the digits an Arabic keyboard types, in the editor and in the key that opens it', async () => {
    const { user, valueCell } = await openIn('ar', 'بيانات الحالة');
    valueCell('UserData1').focus();
    // Before: refused as "only digits are allowed".
    await user.keyboard('٤٢٫٥');
    expect(screen.getByRole('spinbutton', { name: 'قيمة \u2068UserData1\u2069' })).toHaveValue('٤٢٫٥');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await control.operations()).map((op) => op.userData)).toEqual([{ UserData1: 42.5 }]));
  });
});

describe('values inside right-to-left sentences', () => {
  it('are isolated, so an LTR value keeps its order in an Arabic sentence; LTR catalogues are left as they are', async () => {
    await loadCatalog('ar');
    const before = 'DATAUPDATE-@123';
    const now = 'THEIRS-999';
    expect(createTranslate('ar')('caseData.editor.conflict', { before, now })).toContain(`«\u2068${before}\u2069» ← «\u2068${now}\u2069»`);
    expect(createTranslate('ar')('caseData.changedOffline', { value: now })).toContain(`«\u2068${now}\u2069»`);
    expect(translateEnglish('caseData.editor.conflict', { before, now })).toContain(`“${before}” → “${now}”`);
  });
});

describe('GWS errors for the agent', () => {
  beforeAll(async () => {
    await loadCatalog('de');
  });

  const errors: GwsError[] = [
    { kind: 'network', message: 'fetch failed' },
    { kind: 'timeout', afterMs: 15_400 },
    { kind: 'http', status: 502, message: '502 Bad Gateway' },
    { kind: 'http', status: 500, message: '' },
    { kind: 'http', status: 1234, message: 'odd' },
    { kind: 'http', status: 429, message: 'Too Many Requests' },
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 20, 99].map((statusCode): GwsError => ({ kind: 'status-code', statusCode, statusMessage: 'Not found: chat 42' })),
    { kind: 'status-code', statusCode: 4, statusMessage: 'Internal error' },
    { kind: 'status-code', statusCode: 99, statusMessage: 'Error - whatever' },
    { kind: 'invalid-payload', message: 'not JSON', issues: [] },
    { kind: 'invalid-payload', message: 'bad chat', issues: [{ path: 'chats[0].id', message: 'expected a string' }] },
    { kind: 'session-expired', message: 'log in' },
    { kind: 'csrf', message: 'token rotated' },
  ];

  it('reads in English as the host contract carries them (saveFailed), the server’s repetition of the status trimmed', () => {
    expect(errors.map((error) => translateGwsError(translateEnglish, error))).toEqual([
      'Cannot reach the server: fetch failed',
      'The server did not answer within 15 s',
      'Server error HTTP 502: Bad Gateway',
      'Server error HTTP 500',
      'Server error HTTP 1234: odd',
      'The server is busy (HTTP 429): too many requests',
      'Error (statusCode 0): Not found: chat 42',
      'Required parameter missing (statusCode 1): Not found: chat 42',
      'Not valid in the current state (statusCode 2): Not found: chat 42',
      'Operation forbidden (statusCode 3): Not found: chat 42',
      'Internal error (statusCode 4): Not found: chat 42',
      'No permission (statusCode 5): Not found: chat 42',
      'Not found (statusCode 6): chat 42',
      'Partial success (statusCode 7): Not found: chat 42',
      'Error (statusCode 8): Not found: chat 42',
      'Not authenticated (statusCode 20): Not found: chat 42',
      'Error (statusCode 99): Not found: chat 42',
      'Internal error (statusCode 4)',
      'Error (statusCode 99): whatever',
      'Unexpected answer from the server: not JSON',
      'Unexpected answer from the server: bad chat (chats[0].id: expected a string)',
      'Session expired: log in',
      'Request refused by CSRF protection: token rotated',
    ]);
  });

  it('translates the words around what the server said', () => {
    const t = createTranslate('de');
    expect(translateGwsError(t, { kind: 'status-code', statusCode: 6, statusMessage: 'Not found: chat 42' })).toBe('Nicht gefunden (statusCode 6): chat 42');
    expect(translateGwsError(t, { kind: 'http', status: 502, message: '502 Bad Gateway' })).toBe('Serverfehler HTTP 502: Bad Gateway');
    expect(translateGwsError(t, { kind: 'timeout', afterMs: 15_400 })).toBe('Der Server hat nicht innerhalb von 15 s geantwortet');
    expect(translateGwsError(t, { kind: 'http', status: 429, message: '' })).toBe('Der Server ist ausgelastet (HTTP 429): zu viele Anfragen');
  });
});
