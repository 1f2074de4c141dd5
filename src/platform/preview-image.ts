import Taro from '@tarojs/taro';

/** Show photos full screen, starting at `current` (WeChat's viewer; Taro's own viewer in the browser). */
export function previewImages(urls: string[], current: string): void {
  void Taro.previewImage({ urls, current }).catch(() => undefined);
}
