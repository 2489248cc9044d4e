import { test as base } from '@playwright/test';
import { startDemoCrm } from '../../simulator/demoCrm/server';
import { startSimulator } from '../../simulator/server';
import { simControl } from '../support/simulator';

export type Embedding = {
  /** The demo CRM, on its own origin (another port). */
  readonly crmUrl: string;
  /** The widget and the GWS simulator. */
  readonly widgetUrl: string;
  readonly control: ReturnType<typeof simControl>;
};

/** Per worker: the built widget (dist/) allowing the demo CRM, and the demo CRM; reset before every test. */
export const test = base.extend<{ embedding: Embedding }, { workerEmbedding: Embedding }>({
  workerEmbedding: [
    async ({}, use) => {
      let widgetUrl = '';
      const crm = await startDemoCrm({ port: 0, widgetUrl: () => widgetUrl, distDir: 'dist' });
      const sim = await startSimulator({ port: 0, widgetDir: 'dist', widgetConfig: { allowedHostOrigins: [crm.url] } });
      widgetUrl = `${sim.url}/`;
      await use({ crmUrl: crm.url, widgetUrl: sim.url, control: simControl(sim.url) });
      await Promise.all([crm.close(), sim.close()]);
    },
    { scope: 'worker' },
  ],
  embedding: async ({ workerEmbedding }, use) => {
    await workerEmbedding.control.reset();
    await use(workerEmbedding);
  },
});

export { expect } from '@playwright/test';
