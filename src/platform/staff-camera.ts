import Taro from '@tarojs/taro';
import type { TakenPhoto } from '@/stores/staff-ports';
import { readPhoto } from './camera';

/**
 * One photo of a document from the camera (a tap on 拍照). WeChat compresses it; the browser
 * opens its camera or file picker. Cancelling resolves null; never throws.
 */
export async function takeDocumentPhoto(): Promise<TakenPhoto | null> {
  try {
    const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera'], sizeType: ['compressed'], camera: 'back' });
    const file = r.tempFiles[0];
    if (!file) return null;
    const { bytes, contentType } = await readPhoto(file.tempFilePath);
    return { bytes, contentType, localPath: file.tempFilePath };
  } catch {
    return null;
  }
}
