// @vitest-environment node
import { afterEach, expect, it, vi } from 'vitest';
import config from '../../vite.config';

afterEach(() => vi.unstubAllEnvs());

// `npm run build` is two vite commands: a `--base` after `npm run build --` reached the SDK's alone.
const baseOf = (mode: string) => config({ command: 'build', mode }).base;

it('BASE_PATH is the base of both builds npm run build runs, the widget’s and the SDK’s; without it, the site’s root', () => {
  vi.stubEnv('BASE_PATH', '/panel/');
  expect([baseOf('production'), baseOf('embed')]).toEqual(['/panel/', '/panel/']);
  vi.stubEnv('BASE_PATH', '/crm/case-data/');
  expect(baseOf('production')).toBe('/crm/case-data/');
  vi.stubEnv('BASE_PATH', '');
  expect([baseOf('production'), baseOf('embed')]).toEqual(['/', '/']);
});

it('refuses a BASE_PATH that does not start and end with "/", naming it', () => {
  vi.stubEnv('BASE_PATH', 'panel');
  expect(() => baseOf('production')).toThrow('BASE_PATH must be a path that starts and ends with "/" (such as /panel/), got "panel"');
  vi.stubEnv('BASE_PATH', '/panel');
  expect(() => baseOf('embed')).toThrow(/got "\/panel"$/);
});
