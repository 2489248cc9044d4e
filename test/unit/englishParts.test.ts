// @vitest-environment node
// The English catalogue comes in parts (i18n/messages/en.ts, enPanel.ts, enEmbedding.ts,
// enFraming.ts, enAddField.ts, enClipboard.ts, enHistory.ts, enEditor.ts, enEnded.ts, enWriteProblems.ts): each part but the first is added by an i18n/*Texts.ts module, which every
// module showing its texts imports, so the part ships in that module's chunk. A module that
// shows one without importing it would show the bare key; this keeps them honest.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { enAddField } from '../../src/i18n/messages/enAddField';
import { enClipboard } from '../../src/i18n/messages/enClipboard';
import { enEditor } from '../../src/i18n/messages/enEditor';
import { enEmbedding } from '../../src/i18n/messages/enEmbedding';
import { enEnded } from '../../src/i18n/messages/enEnded';
import { enFraming } from '../../src/i18n/messages/enFraming';
import { enHistory } from '../../src/i18n/messages/enHistory';
import { enPanel } from '../../src/i18n/messages/enPanel';
import { enWriteProblems } from '../../src/i18n/messages/enWriteProblems';

const SRC = join(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' || name === 'sdk' ? [] : files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const quote = `['"\x60]`;

/** A key of the part in quotes of whatever kind, a key built from a prefix in a template, a prefix given to labelFor. */
function usesOf(texts: object): RegExp {
  const keys = Object.keys(texts);
  const prefixes = [...new Set(keys.map((key) => key.slice(0, key.lastIndexOf('.') + 1)))];
  return new RegExp(
    [
      ...keys.map((key) => `${quote}${escape(key)}${quote}`),
      ...prefixes.map((prefix) => `\x60${escape(prefix)}\\$\\{`),
      ...prefixes.map((prefix) => `labelFor\\(\\s*\\w+\\s*,\\s*${quote}${escape(prefix.slice(0, -1))}${quote}`),
    ].join('|'),
  );
}

const parts = [
  { name: 'enPanel', texts: enPanel, module: 'panelTexts' },
  { name: 'enEmbedding', texts: enEmbedding, module: 'embeddingTexts' },
  { name: 'enFraming', texts: enFraming, module: 'framingTexts' },
  { name: 'enAddField', texts: enAddField, module: 'addFieldTexts' },
  { name: 'enClipboard', texts: enClipboard, module: 'clipboardTexts' },
  { name: 'enHistory', texts: enHistory, module: 'historyTexts' },
  { name: 'enEditor', texts: enEditor, module: 'editorTexts' },
  { name: 'enEnded', texts: enEnded, module: 'endedTexts' },
  { name: 'enWriteProblems', texts: enWriteProblems, module: 'writeProblemTexts' },
] as const;

/** Modules outside i18n/ that show a text of the part without importing the module that adds it. */
function missingImports(texts: object, module: string): string[] {
  const shows = usesOf(texts);
  const imports = new RegExp(`^import '\\.\\./i18n/${module}';$`, 'm');
  return files(SRC)
    .filter((path) => {
      const text = readFileSync(path, 'utf8');
      return shows.test(text) && !relative(SRC, path).startsWith('i18n/') && !imports.test(text);
    })
    .map((path) => relative(SRC, path));
}

describe('the parts of the English catalogue', () => {
  it('share no key', () => {
    const all = [en, ...parts.map((part) => part.texts)].flatMap((texts) => Object.keys(texts));
    expect(all.filter((key, index) => all.indexOf(key) !== index)).toEqual([]);
  });

  it.each(parts)('every module that shows a text of $name imports the module that adds it, $module', ({ texts, module }) => {
    expect(missingImports(texts, module)).toEqual([]);
  });

  it('the grid, its store and its client show none of the panel’s texts around it', () => {
    const shows = new RegExp([enPanel, enEmbedding, enFraming].map((texts) => usesOf(texts).source).join('|'));
    const inGrid = files(SRC)
      .map((path) => relative(SRC, path))
      .filter((name) => /^(caseData|store|gws)\//.test(name) && shows.test(readFileSync(join(SRC, name), 'utf8')));
    expect(inGrid).toEqual([]);
  });

  it('shows a text of a part that no module added as its key, and says so on the console (which fails other tests)', () => {
    // This file never imports i18n/*Texts: the grid's first-render texts are there, the others are not.
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(translate('en', 'caseData.grid')).toBe('Case data');
    expect(translate('en', 'panel.title')).toBe('panel.title');
    expect(translate('en', 'caseData.add.submit')).toBe('caseData.add.submit');
    expect(error).toHaveBeenCalledWith('Case Data Panel: no text for "panel.title"');
  });
});
