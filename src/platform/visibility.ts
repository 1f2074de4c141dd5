import { IS_H5 } from './env';

/**
 * The browser tab was hidden or shown again (H5): a page that follows a visit stops asking the
 * server while nobody looks. WeChat tells pages through onHide/onShow (useDidHide/useDidShow)
 * when the mini-program goes to the background, so this does nothing there.
 */
export function onVisibilityChange(listener: (visible: boolean) => void): () => void {
  if (!IS_H5 || typeof document === 'undefined') return () => undefined;
  const handler = () => listener(document.visibilityState === 'visible');
  document.addEventListener('visibilitychange', handler);
  return () => document.removeEventListener('visibilitychange', handler);
}
