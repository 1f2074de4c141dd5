import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { a11y } from '@/components';
import type { DocPhoto } from '@/stores/visit-photos';
import { privateImageOnce } from '@/platform/auth-image';
import { serverUrl } from '@/platform/env';
import { previewImages } from '@/platform/preview-image';
import { taroTokenStore } from '@/platform/storage';

/** Fetched with the token, once while the person is signed in (forgotten at sign-out). */
const load = (p: DocPhoto) => privateImageOnce(p.id, serverUrl(p.url), taroTokenStore.get());

/**
 * The staff member's photos of one document as small pictures; a tap shows them large. Each box
 * has its size from the start, so the card does not jump while the pictures arrive.
 */
export function DocPhotos({ photos, label }: { photos: DocPhoto[]; label: string }) {
  const [srcs, setSrcs] = useState<Record<string, string | null>>({});
  const ids = photos.map((p) => p.id).join(',');
  useEffect(() => {
    let live = true;
    for (const p of photos) void load(p).then((src) => live && setSrcs((s) => ({ ...s, [p.id]: src })));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids say when the photos changed
  }, [ids]);
  if (!photos.length) return null;
  const shown = photos.map((p) => srcs[p.id]).filter((s): s is string => !!s);
  return (
    <View className='record__photos' data-testid='record-photos'>
      {photos.map((p, i) => {
        const src = srcs[p.id];
        const name = `第 ${i + 1} 张：${label}`;
        if (!src) {
          return (
            <View key={p.id} className='record__photo record__photo--empty'>
              <Text className='text muted'>{src === null ? '打不开' : '…'}</Text>
            </View>
          );
        }
        return (
          <View key={p.id} className='record__photo' {...a11y(`${name}，点一下看大图`)} onClick={() => previewImages(shown, src)} data-testid='record-photo'>
            <Image className='record__img' src={src} mode='aspectFill' nativeProps={{ alt: '' }} />
          </View>
        );
      })}
    </View>
  );
}
