import { useEffect, type RefObject } from 'react';
import type { HostBridge } from '../embed';

/** `resize {height}` for auto-height iframes: the host sizes the frame to the panel, no inner scrollbar. */
export function useResizeReporter(root: RefObject<HTMLElement | null>, bridge: HostBridge | null): void {
  useEffect(() => {
    const element = root.current;
    if (!bridge || !element) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      bridge.send({ type: 'resize', height });
    };
    report();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, bridge]);
}
