// `npm start`: the built widget plus the GWS simulator on one local port.
//   PORT (default 8080), HOST (default 127.0.0.1)
//   --no-widget       API only (dist/ is not needed)
//   --no-control-api  /sim/ answers 404

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './server';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KNOWN_FLAGS = ['--no-widget', '--no-control-api', '--help'];

type CliOptions = { readonly serveWidget: boolean; readonly simulator: SimulatorOptions };

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const unknown = argv.filter((arg) => !KNOWN_FLAGS.includes(arg));
  if (unknown.length > 0) fail(`Unknown option(s): ${unknown.join(' ')}. Known: ${KNOWN_FLAGS.join(' ')}`);
  if (argv.includes('--help')) {
    console.log('Usage: tsx simulator/main.ts [--no-widget] [--no-control-api]   (env PORT, HOST)');
    process.exit(0);
  }
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got ${env.PORT}`);
  const serveWidget = !argv.includes('--no-widget');
  const widgetDir = join(PROJECT_ROOT, 'dist');
  if (serveWidget && !existsSync(join(widgetDir, 'index.html'))) {
    fail(`No built widget at ${widgetDir}/index.html. Run "npm run build" first, or start with --no-widget for the API only.`);
  }
  return {
    serveWidget,
    simulator: {
      port,
      host: env.HOST ?? '127.0.0.1',
      controlApi: !argv.includes('--no-control-api'),
      ...(serveWidget ? { widgetDir } : {}),
    },
  };
}

function announce(running: RunningSimulator, cli: CliOptions): void {
  const control = cli.simulator.controlApi === false ? 'control API off' : 'control API at /sim/';
  const label = cli.serveWidget ? 'Case Data Panel' : 'GWS simulator (no widget)';
  console.log(`${label}: ${running.url}/  (GWS simulator at /api/v2, ${control})`);
}

function closeOnSignals(running: RunningSimulator): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now", even if a connection holds up the graceful close.
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`close failed: ${String(error)}`),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const cli = parseCli(process.argv.slice(2), process.env);
try {
  const running = await startSimulator(cli.simulator);
  announce(running, cli);
  closeOnSignals(running);
} catch (error) {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') fail(`Port ${cli.simulator.port} is in use. Stop the other server or set PORT=<free port>.`);
  fail(`The simulator did not start: ${error instanceof Error ? error.message : String(error)}`);
}
