// @vitest-environment node
// The English catalogue comes in two parts (i18n/messages/en.ts, enPanel.ts): the panel's
// texts are added by i18n/panelTexts.ts, which every module showing them imports. A module
// that shows one without importing it would show the bare key; this keeps them honest.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { enPanel } from '../../src/i18n/messages/enPanel';

const SRC = join(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' || name === 'sdk' ? [] : files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });

const prefixes = [...new Set(Object.keys(enPanel).map((key) => key.slice(0, key.lastIndexOf('.') + 1)))];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const quote = `['"\x60]`;
// A key in quotes of whatever kind, a key built from a prefix in a template, a prefix given to labelFor.
const usesOfPanelTexts = new RegExp(
  [
    ...Object.keys(enPanel).map((key) => `${quote}${escape(key)}${quote}`),
    ...prefixes.map((prefix) => `\x60${escape(prefix)}\\$\\{`),
    ...prefixes.map((prefix) => `labelFor\\(\\s*\\w+\\s*,\\s*${quote}${escape(prefix.slice(0, -1))}${quote}`),
  ].join('|'),
);
const importsPanelTexts = /^import '\.\.\/i18n\/panelTexts';$/m;
const showsPanelText = (text: string) => usesOfPanelTexts.test(text);

describe('the two parts of the English catalogue', () => {
  it('share no key', () => {
    expect(Object.keys(en).filter((key) => Object.hasOwn(enPanel, key))).toEqual([]);
  });

  it('every module that shows a text of the panel’s part imports i18n/panelTexts, and the grid shows none', () => {
    const missing: string[] = [];
    const inGrid: string[] = [];
    for (const path of files(SRC)) {
      const text = readFileSync(path, 'utf8');
      if (!showsPanelText(text)) continue;
      const name = relative(SRC, path);
      if (/^(caseData|store|gws)\//.test(name)) inGrid.push(name);
      else if (!name.startsWith('i18n/') && !importsPanelTexts.test(text)) missing.push(name);
    }
    expect(missing).toEqual([]);
    expect(inGrid).toEqual([]);
  });

  it('shows a text of the panel’s part that no module added as its key, and says so on the console (which fails other tests)', () => {
    // This file never imports i18n/panelTexts: the grid's texts are there, the panel's are not.
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(translate('en', 'caseData.grid')).toBe('Case data');
    expect(translate('en', 'panel.title')).toBe('panel.title');
    expect(error).toHaveBeenCalledWith('Case Data Panel: no text for "panel.title"; the module showing it must import i18n/panelTexts.');
  });
});
