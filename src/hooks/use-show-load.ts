import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/**
 * Loads when the page becomes ready, and again each time the person comes back to it
 * (so a visit's status is fresh after another page or app switch).
 */
export function useShowLoad(ready: boolean, load: () => void): void {
  const readyRef = useRef(ready);
  readyRef.current = ready;
  const shownOnce = useRef(false);
  useEffect(() => {
    if (ready) load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true;
      return;
    }
    if (readyRef.current) load();
  });
}
