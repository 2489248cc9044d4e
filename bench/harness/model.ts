// What a benchmark run produces: metrics with one value per run and variant, plus raw
// samples where a metric is a percentile of many. Everything the tables, the JSON and the
// HTML report show comes from this.

export const VARIANTS = [
  { id: 'ours', label: 'ours (CaseDataGrid)' },
  { id: 'aggrid', label: 'AG Grid 36.2' },
  { id: 'rdg', label: 'react-data-grid 7β61' },
] as const;

export type VariantId = (typeof VARIANTS)[number]['id'];

/**
 * Not a contender: the same shell and data path rendering a static 20-row list with no
 * editing (PEER-BENCH's "hello" reference). Measured in scenarios 1-3 only, it shows the
 * floor that React, react-query, zustand, cometd and the shared widget code set.
 */
export const FLOOR = { id: 'floor', label: 'floor: shell, no grid' } as const;
/**
 * Not a contender either: the widget as shipped (src/main.tsx: configuration, host bridge,
 * status, chat picker, participants and the grid), built as `npm run build` builds it.
 * Measured in scenarios 1 and 2: what a CRM page really loads, beside the grid-only
 * variant that the peers are compared with.
 */
export const PANEL = { id: 'panel', label: 'whole panel, as shipped' } as const;
export const REFERENCES = [FLOOR, PANEL] as const;
export type ReferenceId = (typeof REFERENCES)[number]['id'];
export type AppId = VariantId | ReferenceId;
export const PEERS: readonly VariantId[] = ['aggrid', 'rdg'];

export type ScenarioId = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const SCENARIO_TITLES: { readonly [S in ScenarioId]: string } = {
  1: 'Bytes shipped for first render',
  2: 'Cold load in an iframe, 50 keys, 4x CPU throttling',
  3: 'First render',
  4: 'Notification to paint (PropertiesUpdated over CometD, one key changed)',
  5: 'Typing under load (50 notifications/s changing other keys)',
  6: 'Memory (JS heap after GC)',
  7: 'Edit round trip against the simulator (Enter to confirmed value painted)',
};

export type Unit = 'ms' | 'kB' | 'MiB' | 'KiB' | 'count' | 'rows';

export type MetricDef = {
  readonly scenario: ScenarioId;
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  /** Counts for "every time figure at or below half of the better peer's". */
  readonly halfOfBestPeer?: boolean;
};

export type Metric = MetricDef & {
  readonly runs: Record<VariantId, number[]>;
  /** The references' values, where measured. */
  floor?: number[];
  panel?: number[];
  samples?: Record<VariantId, number[]>;
};

export type Summary = { readonly median: number; readonly min: number; readonly max: number; readonly n: number };

export type TargetCheck = {
  readonly target: string;
  readonly figure: string;
  readonly met: boolean;
};

export type Machine = {
  readonly cpu: string;
  readonly nproc: number;
  readonly memoryGiB: number;
  readonly chromium: string;
  readonly node: string;
  readonly os: string;
};

export type BenchResults = {
  readonly startedAt: string;
  readonly durationS: number;
  readonly mode: BenchMode;
  readonly runs: number;
  readonly machine: Machine;
  readonly versions: Record<string, string>;
  readonly settings: Record<string, string>;
  readonly metrics: readonly Metric[];
  readonly targets: readonly TargetCheck[];
};

export type BenchMode = 'full' | 'quick' | 'smoke';

/** Collects values by metric as the scenarios run, in the order metrics first appear. */
export class Collector {
  readonly metrics = new Map<string, Metric>();

  private metric(def: MetricDef): Metric {
    let metric = this.metrics.get(def.id);
    if (!metric) {
      metric = { ...def, runs: { ours: [], aggrid: [], rdg: [] } };
      this.metrics.set(def.id, metric);
    }
    return metric;
  }

  add(def: MetricDef, app: AppId, value: number, samples?: readonly number[]): void {
    const metric = this.metric(def);
    if (app === FLOOR.id || app === PANEL.id) {
      (metric[app] ??= []).push(value);
      return;
    }
    const variant = app;
    metric.runs[variant].push(value);
    if (samples) {
      metric.samples ??= { ours: [], aggrid: [], rdg: [] };
      metric.samples[variant].push(...samples);
    }
  }

  list(): Metric[] {
    return [...this.metrics.values()];
  }
}
