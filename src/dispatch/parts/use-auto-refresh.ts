import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

/**
 * Reloads every `everyMs` while the page is on screen (a dispatcher leaves the console open all
 * day); stops while another page is shown or before the page is ready.
 */
export function useAutoRefresh(ready: boolean, load: () => void, everyMs = 30_000): void {
  const [shown, setShown] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  useEffect(() => {
    if (!ready || !shown) return undefined;
    const timer = setInterval(() => loadRef.current(), everyMs);
    return () => clearInterval(timer);
  }, [ready, shown, everyMs]);
}
