import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { onVisibilityChange } from '@/platform/visibility';
import type { LiveNews } from '@/stores/live-store';
import type { FollowTarget } from '@/stores/visit-follow';
import { stores } from '@/wiring';

/**
 * While this page is on screen, keeps `target` (one visit, or the list) fresh through the visits
 * store's follower, which decides when to ask. Hidden (another page on top, the app or the tab
 * in the background) or gone: it stops. Back in the browser tab: it checks at once.
 * `null`: nothing to follow yet (signed out, no id).
 */
export function useFollow(target: FollowTarget | null): void {
  const { follow } = stores.visits;
  const current = useRef(target);
  current.current = target;
  const key = target ? (target.kind === 'visit' ? `visit:${target.id}` : 'list') : null;
  useEffect(() => {
    const t = current.current;
    if (!t) return;
    follow.start(t);
    const off = onVisibilityChange((visible) => (visible ? follow.start(t, { now: true }) : follow.stop(t)));
    return () => {
      off();
      follow.stop(t);
    };
  }, [key, follow]);
  useDidShow(() => {
    if (current.current) follow.start(current.current);
  });
  useDidHide(() => {
    if (current.current) follow.stop(current.current);
  });
}

/**
 * While this page is shown, `onNews` hears each live push and each catch-up after a reconnect
 * (`stores.live.subscribe`): the staff board and the dispatch console refresh with it, e.g.
 * `useLiveNews(() => void stores.staff.board.refresh())`. Pushes carry ids only: read over REST.
 */
export function useLiveNews(onNews: (news: LiveNews) => void, opts: { atMostEveryMs?: number } = {}): void {
  const latest = useRef(onNews);
  latest.current = onNews;
  const shown = useRef(true);
  const every = opts.atMostEveryMs ?? 0;
  useEffect(() => {
    // A busy desk hears every visit in the city: news within `every` ms of the last is folded
    // into one trailing call, so the page reloads at most that often.
    let last = 0;
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const deliver = (news: LiveNews) => {
      last = Date.now();
      latest.current(news);
    };
    const off = stores.live.subscribe((news) => {
      if (!shown.current) return;
      const wait = last + every - Date.now();
      if (wait <= 0) return deliver(news);
      if (trailing === null) trailing = setTimeout(() => ((trailing = null), deliver(news)), wait);
    });
    return () => {
      off();
      if (trailing !== null) clearTimeout(trailing);
    };
  }, [every]);
  useDidShow(() => {
    shown.current = true;
  });
  useDidHide(() => {
    shown.current = false;
  });
}
