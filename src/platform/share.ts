import Taro from '@tarojs/taro';
import { IS_H5 } from './env';

/**
 * A link to a page of this app that someone else can open. In the browser build it is this
 * site's address with the page's hash route; in WeChat pages are shared as cards (the page path
 * goes into useShareAppMessage), so there is no link: null.
 */
export function shareLinkFor(pagePath: string): string | null {
  if (!IS_H5 || typeof window === 'undefined') return null;
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${pagePath}`;
}

/** Copies text for the person to paste into a chat; false when the platform refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch {
    return false;
  }
}
