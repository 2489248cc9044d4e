import { expect, test } from '@playwright/test';
import { runSoak } from '../soak/soak';

// A few seconds of the soak on every `npm test`, so the harness cannot rot. The long run
// is `npm run soak -- --minutes N`.
test('a short soak ends with the grid equal to the server and every agent edit sent', async () => {
  test.setTimeout(120_000);
  const report = await runSoak({ seconds: 6, widgetDir: 'dist', seed: 20261125 });
  expect(report.failures).toEqual([]);
  expect(report.operations.agentEdits).toBeGreaterThan(0);
  expect(report.checks.agentEditsVerified).toBe(report.operations.agentEdits);
  expect(report.checks.keysCompared).toBe(12);
});
