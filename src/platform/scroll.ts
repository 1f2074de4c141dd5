import Taro from '@tarojs/taro';

/** Brings a part of the page into view (e.g. the document checklist after a tap). */
export function scrollToSelector(selector: string): void {
  setTimeout(() => {
    Taro.pageScrollTo({ selector, duration: 300 }).catch(() => undefined);
  }, 50);
}
