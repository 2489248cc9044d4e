// What the panel does only when a page embeds it, loaded after the first paint as a chunk
// of its own (App.tsx): the host bridge and what it says and hears, the size reports for
// auto-height frames, the integrator's diagnostics, and the pop-out offer. A standalone
// panel never loads it; an embedded one shows its case data first.

import type { RefObject } from 'react';
import type { HostBridge, HostLink } from '../embed';
import { createHostBridge, DiagnosticsView } from '../embed/host';
import type { FocusKeyChannel } from './focusChannel';
import { useHostBridge, type Appearance } from './useHostBridge';
import { useResizeReporter } from './useResizeReporter';

export { PopOutGate } from './PopOutGate';

// One bridge per link for the page's life: React may render (and, in StrictMode, run
// effects) twice, and a second bridge would find the early messages already read.
const bridges = new WeakMap<HostLink, HostBridge>();

function bridgeFor(host: HostLink): HostBridge {
  let bridge = bridges.get(host);
  if (!bridge) {
    bridge = createHostBridge(host.inbox);
    bridge.configure({ allowedOrigins: host.allowedOrigins, ancestorOrigins: host.ancestorOrigins });
    bridges.set(host, bridge);
  }
  return bridge;
}

type HostConnectionProps = {
  readonly host: HostLink;
  readonly appearance: Appearance;
  readonly focus: FocusKeyChannel;
  readonly rootRef: RefObject<HTMLElement | null>;
};

export function HostConnection({ host, appearance, focus, rootRef }: HostConnectionProps) {
  const bridge = bridgeFor(host);
  useHostBridge(bridge, appearance, focus);
  useResizeReporter(rootRef, bridge);
  return <DiagnosticsView bridge={bridge} />;
}
