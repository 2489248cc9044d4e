import { useEffect } from 'react';
import { anyUnsaved, useChatStoreApi, type ChatStoreState } from '../store';

/**
 * A page of its own (standalone, or the pop-out window) asks before it is closed or left
 * while an edit is not saved: a reload keeps drafts (session storage), but closing the
 * window ends that storage and what was in it. In a frame the CRM decides, from
 * `dirtyStateChanged`; a second dialog from inside the frame would only confuse.
 * The listener exists only while something is unsaved, so the browser's back/forward
 * cache stays usable the rest of the time.
 */
export function useLeaveWarning(enabled: boolean): void {
  const store = useChatStoreApi();
  useEffect(() => {
    if (!enabled) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Browsers from before preventDefault() counted here ask only for a truthy returnValue.
      event.returnValue = true;
    };
    let listening = false;
    const follow = (state: ChatStoreState) => {
      const unsaved = anyUnsaved(state);
      if (unsaved === listening) return;
      listening = unsaved;
      if (unsaved) window.addEventListener('beforeunload', warn);
      else window.removeEventListener('beforeunload', warn);
    };
    follow(store.getState());
    const unsubscribe = store.subscribe(follow);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', warn);
    };
  }, [enabled, store]);
}
