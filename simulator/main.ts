// `npm start`: the built widget plus the GWS simulator on one local port, and a demo CRM
// embedding the widget on another port (another origin).
//   PORT (default 8080), HOST (default 127.0.0.1)
//   CRM_PORT (default PORT+1)     the demo CRM
//   ALLOWED_HOST_ORIGINS          more CRM origins allowed to embed the widget, comma-separated
//   --no-widget       API only (dist/ is not needed; no demo CRM)
//   --no-demo-crm     no demo CRM
//   --no-control-api  /sim/ answers 404

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoCrm, type RunningDemoCrm } from './demoCrm/server';
import { isJsonObject, toJsonValue, type JsonObject } from './json';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './server';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KNOWN_FLAGS = ['--no-widget', '--no-demo-crm', '--no-control-api', '--help'];

type CliOptions = {
  readonly serveWidget: boolean;
  readonly simulator: SimulatorOptions;
  /** null: no demo CRM. */
  readonly crmPort: number | null;
  readonly extraHostOrigins: readonly string[];
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const unknown = argv.filter((arg) => !KNOWN_FLAGS.includes(arg));
  if (unknown.length > 0) fail(`Unknown option(s): ${unknown.join(' ')}. Known: ${KNOWN_FLAGS.join(' ')}`);
  if (argv.includes('--help')) {
    console.log('Usage: tsx simulator/main.ts [--no-widget] [--no-demo-crm] [--no-control-api]   (env PORT, HOST, CRM_PORT, ALLOWED_HOST_ORIGINS)');
    process.exit(0);
  }
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got ${env.PORT}`);
  const serveWidget = !argv.includes('--no-widget');
  const widgetDir = join(PROJECT_ROOT, 'dist');
  if (serveWidget && !existsSync(join(widgetDir, 'index.html'))) {
    fail(`No built widget at ${widgetDir}/index.html. Run "npm run build" first, or start with --no-widget for the API only.`);
  }
  const demoCrm = serveWidget && !argv.includes('--no-demo-crm');
  const crmPort = Number(env.CRM_PORT ?? (port === 0 ? '0' : String(port + 1)));
  if (demoCrm && (!Number.isInteger(crmPort) || crmPort < 0 || crmPort > 65535)) fail(`CRM_PORT must be a port number, got ${env.CRM_PORT}`);
  return {
    serveWidget,
    crmPort: demoCrm ? crmPort : null,
    extraHostOrigins: (env.ALLOWED_HOST_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    simulator: {
      port,
      host: env.HOST ?? '127.0.0.1',
      controlApi: !argv.includes('--no-control-api'),
      ...(serveWidget ? { widgetDir } : {}),
    },
  };
}

function announce(running: RunningSimulator, crm: RunningDemoCrm | null, cli: CliOptions): void {
  const control = cli.simulator.controlApi === false ? 'control API off' : 'control API at /sim/';
  const label = cli.serveWidget ? 'Case Data Panel' : 'GWS simulator (no widget)';
  console.log(`${label}: ${running.url}/  (GWS simulator at /api/v2, ${control})`);
  if (crm) console.log(`Demo CRM (another origin, embedding the panel): ${crm.url}/`);
}

/**
 * The widget's config.json for this run: dist/config.json (from public/) if present, with
 * the demo CRM's origin and ALLOWED_HOST_ORIGINS added to its allowedHostOrigins.
 */
function widgetConfigFor(widgetDir: string, hostOrigins: readonly string[]): JsonObject {
  const file = join(widgetDir, 'config.json');
  let base: JsonObject = {};
  if (existsSync(file)) {
    const parsed = toJsonValue(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed !== undefined && isJsonObject(parsed)) base = parsed;
  }
  const listed = base.allowedHostOrigins;
  const existing = Array.isArray(listed) ? listed.filter((origin): origin is string => typeof origin === 'string') : [];
  return { ...base, allowedHostOrigins: [...new Set([...existing, ...hostOrigins])] };
}

function closeOnSignals(running: RunningSimulator, crm: RunningDemoCrm | null): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now", even if a connection holds up the graceful close.
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    Promise.all([running.close(), crm?.close()]).then(
      () => process.exit(0),
      (error: unknown) => fail(`close failed: ${String(error)}`),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const cli = parseCli(process.argv.slice(2), process.env);
try {
  // The CRM first: its origin goes into the widget's allowlist (and frame-ancestors); it
  // learns the widget's URL per request.
  let widgetUrl = '';
  const crm =
    cli.crmPort === null || cli.simulator.widgetDir === undefined
      ? null
      : await startDemoCrm({ port: cli.crmPort, host: cli.simulator.host, widgetUrl: () => widgetUrl, distDir: cli.simulator.widgetDir });
  // The demo CRM by either loopback name a user may type (exploratory test: localhost got the refusal page).
  const hostOrigins = [...(crm ? [crm.url, crm.url.replace('//127.0.0.1:', '//localhost:')] : []), ...cli.extraHostOrigins];
  const running = await startSimulator({
    ...cli.simulator,
    ...(cli.simulator.widgetDir === undefined ? {} : { widgetConfig: widgetConfigFor(cli.simulator.widgetDir, hostOrigins) }),
  });
  widgetUrl = `${running.url}/`;
  announce(running, crm, cli);
  closeOnSignals(running, crm);
} catch (error) {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') {
    const port = error instanceof Error && 'port' in error ? error.port : cli.simulator.port;
    const variable = port === cli.crmPort && port !== cli.simulator.port ? 'CRM_PORT' : 'PORT';
    fail(`Port ${String(port)} is in use. Stop the other server or set ${variable}=<free port>.`);
  }
  fail(`The simulator did not start: ${error instanceof Error ? error.message : String(error)}`);
}
