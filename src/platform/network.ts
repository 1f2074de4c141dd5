import Taro from '@tarojs/taro';
import type { NetworkWatch } from '@/stores/staff-ports';
import { IS_H5 } from './env';

/**
 * Calls back on every change of connectivity: WeChat's network status change, or the browser's
 * `online`/`offline` events. Never throws: without either, timers still retry.
 */
export function watchNetwork(listener: (online: boolean) => void): () => void {
  if (IS_H5 && typeof window !== 'undefined') {
    const on = () => listener(true);
    const off = () => listener(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }
  const onChange = (res: { isConnected: boolean }) => listener(res.isConnected);
  try {
    Taro.onNetworkStatusChange(onChange);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      Taro.offNetworkStatusChange(onChange);
    } catch {
      // Older base library without off*: the listener stays, harmlessly.
    }
  };
}

/** Calls back each time the phone is online again (the outbox sends what waits). */
export const watchNetworkBack: NetworkWatch = (onBack) => watchNetwork((online) => online && onBack());
