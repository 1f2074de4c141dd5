import { Image, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { fetchPrivateImage } from '@/platform/auth-image';
import { serverUrl } from '@/platform/env';
import { taroTokenStore } from '@/platform/storage';
import { a11y } from '@/components';

/** A visit photo the server gives only with the bearer token (fetched once, then shown). */
export function PrivateImage({ url, label, className }: { url: string; label: string; className: string }) {
  const [src, setSrc] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void fetchPrivateImage(serverUrl(url), taroTokenStore.get()).then((s) => live && setSrc(s));
    return () => {
      live = false;
    };
  }, [url]);
  if (src === null) return <Text className='text muted'>{label}暂时打不开</Text>;
  if (!src) return <Text className='text muted'>正在打开{label}…</Text>;
  return <Image className={className} src={src} mode='aspectFill' {...a11y(label, 'img')} />;
}
