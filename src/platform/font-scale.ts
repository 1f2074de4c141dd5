import Taro from '@tarojs/taro';
import { IS_H5 } from './env';

const MIN = 1;
const MAX = 2;

function clamp(n: number): number {
  return Math.min(MAX, Math.max(MIN, Math.round(n * 100) / 100));
}

/**
 * How much bigger than our base the person wants text. Elder mode never goes below the base
 * (20 PX body): a smaller system setting keeps 1.
 * - WeChat: getAppBaseInfo().fontSizeScaleFactor (the 微信 font-size setting), guarded because
 *   older base libraries lack it; then fontSizeSetting (iOS px, 17 = default).
 * - Browser: the root font size the person chose in the browser (16 px = default), since
 *   nothing in our H5 build rewrites the <html> font size.
 */
export function readFontScale(): number {
  try {
    if (IS_H5) {
      const px = parseFloat(window.getComputedStyle(document.documentElement).fontSize);
      return Number.isFinite(px) && px > 0 ? clamp(px / 16) : 1;
    }
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : {}) as {
      fontSizeScaleFactor?: number;
      fontSizeSetting?: number;
    };
    if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return clamp(info.fontSizeScaleFactor);
    if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) return clamp(info.fontSizeSetting / 17);
  } catch {
    // Unknown platform detail: fall back to the base size.
  }
  return 1;
}

let cached: number | null = null;
/** Read once per launch; WeChat restarts the mini-program when the font setting changes. */
export function fontScale(): number {
  if (cached === null) cached = readFontScale();
  return cached;
}
