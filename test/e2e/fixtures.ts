import { test as base } from '@playwright/test';
import { startSimulator } from '../../simulator/server';
import { simControl } from '../support/simulator';

type Simulator = { url: string; control: ReturnType<typeof simControl> };

/**
 * A simulator per worker serving the built widget; reset before every test. The widget
 * runs unconfigured here (every key shown and editable); demoConfig.spec.ts covers the
 * shipped demo configuration.
 */
export const test = base.extend<{ sim: Simulator }, { workerSim: Simulator }>({
  workerSim: [
    async ({}, use) => {
      const running = await startSimulator({ port: 0, widgetDir: 'dist', widgetConfig: {} });
      await use({ url: running.url, control: simControl(running.url) });
      await running.close();
    },
    { scope: 'worker' },
  ],
  sim: async ({ workerSim }, use) => {
    await workerSim.control.reset();
    await use(workerSim);
  },
});

export { expect } from '@playwright/test';
