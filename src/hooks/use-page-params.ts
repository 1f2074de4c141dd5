import { useLoad } from '@tarojs/taro';
import { useState } from 'react';

export type PageParams = Readonly<Record<string, string | undefined>>;

/**
 * This page's query (`?id=…`), as Taro hands it to this page's own onLoad; null until then.
 *
 * Not `getCurrentInstance().router`: that is one global, set by whichever page was shown last.
 * When a page opens while the one before is still finishing its show (the start page right
 * after sign-in, a link tapped quickly), the earlier page's show lands after the new page's
 * load, and a page rendering then would read the other page's query: no id, nothing loaded.
 */
export function usePageParams(): PageParams | null {
  const [params, setParams] = useState<PageParams | null>(null);
  useLoad((options: Record<string, string | undefined>) => setParams({ ...options }));
  return params;
}
