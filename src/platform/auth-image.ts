import Taro from '@tarojs/taro';
import { IS_H5 } from './env';

/**
 * A photo the server only gives to people allowed to see the visit (GET with the bearer token),
 * as something an <Image> can show: a temp file in WeChat (downloadFile with the header), a blob
 * URL in the browser. Null when it could not be fetched; never throws.
 */
export async function fetchPrivateImage(url: string, token: string | null): Promise<string | null> {
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  try {
    if (IS_H5) {
      const res = await fetch(url, { headers: header });
      if (!res.ok) return null;
      return URL.createObjectURL(await res.blob());
    }
    const res = await Taro.downloadFile({ url, header });
    return res.statusCode === 200 ? res.tempFilePath : null;
  } catch {
    return null;
  }
}

/** Each private photo fetched once while the person is signed in; a failed one is tried again next time. */
const fetched = new Map<string, Promise<string | null>>();

export function privateImageOnce(id: string, url: string, token: string | null): Promise<string | null> {
  let got = fetched.get(id);
  if (!got) {
    got = fetchPrivateImage(url, token).then((src) => {
      if (!src) fetched.delete(id);
      return src;
    });
    fetched.set(id, got);
  }
  return got;
}

/** On sign-out: the next person on this phone must not find the last one's photos in memory. */
export function forgetPrivateImages(): void {
  for (const got of fetched.values()) {
    void got.then((src) => {
      if (IS_H5 && src?.startsWith('blob:')) URL.revokeObjectURL(src);
    });
  }
  fetched.clear();
}
