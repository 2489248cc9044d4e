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

// One bridge per inbox for the page's life: React may render (and, in StrictMode, run
// effects) twice, a parent may pass a new link object for the same inbox, and a second
// bridge would take the inbox over and say `ready` again. Made during render on purpose:
// it only reads the messages kept so far (answering bad ones at once), and the hooks
// below need it in this same render.
const bridges = new WeakMap<HostLink['inbox'], HostBridge>();

function bridgeFor(host: HostLink): HostBridge {
  let bridge = bridges.get(host.inbox);
  if (!bridge) {
    bridge = createHostBridge(host.inbox);
    bridge.configure({ allowedOrigins: host.allowedOrigins, ancestorOrigins: host.ancestorOrigins });
    bridges.set(host.inbox, bridge);
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
