import Taro from '@tarojs/taro';
import type { LocalPhoto, PhotoReader } from '@/stores/photo-ports';
import { IS_WEAPP } from './env';
import { shrinkPhoto } from './shrink-photo';

/**
 * Takes or picks photos of documents (from a tap). WeChat asks for the camera/album itself;
 * the browser opens its file picker. Cancelling resolves an empty list; never throws.
 */
export async function choosePhotos(max: number): Promise<LocalPhoto[]> {
  if (max <= 0) return [];
  try {
    const r = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
    return r.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }));
  } catch {
    return [];
  }
}

const TYPE_BY_EXTENSION: Record<string, string> = { png: 'image/png', webp: 'image/webp' };

function readWeappFile(path: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: reject,
    });
  });
}

/** The photo's bytes for upload: the mini-program's file system, or the browser's blob URL (made smaller when large). */
export const readPhoto: PhotoReader = async (path) => {
  if (IS_WEAPP) {
    const ext = path.split('.').pop()?.toLowerCase() ?? '';
    return { bytes: await readWeappFile(path), contentType: TYPE_BY_EXTENSION[ext] ?? 'image/jpeg' };
  }
  const blob = await shrinkPhoto(await (await fetch(path)).blob());
  return { bytes: await blob.arrayBuffer(), contentType: blob.type || 'image/jpeg' };
};
