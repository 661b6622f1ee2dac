import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** Ctrl+F (⌘F) puts the cursor in the table's search box, as in Kingdee and Excel. */
export function useFindShortcut(): RefObject<HTMLInputElement | null> {
  const ref = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        event.key.toLowerCase() === 'f' &&
        ref.current
      ) {
        event.preventDefault();
        ref.current.focus();
        ref.current.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return ref;
}
