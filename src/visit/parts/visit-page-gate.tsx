import { observer } from 'mobx-react-lite';
import { useEffect, type ReactNode } from 'react';
import type { BookingView } from '@domain/schemas';
import { BigButton, Loading, Notice, PageShell } from '@/components';
import { usePageParams } from '@/hooks/use-page-params';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';

/** While a change form is open, the visit is not refreshed under the person (VisitFollow waits). */
function useHoldFollow() {
  useEffect(() => {
    stores.visits.formOpened();
    return () => stores.visits.formClosed();
  }, []);
}

/**
 * The frame of the pages that act on one visit (cancel, reschedule, rate, complain): signed in,
 * the visit loaded (usually already, from the visit page), else a Chinese way out.
 */
export const VisitPageGate = observer(({ children, onReady }: { children: (b: BookingView) => ReactNode; onReady?: (id: string) => void }) => {
  const { visits } = stores;
  const params = usePageParams();
  const ready = useSessionGate('customer') && params !== null;
  const id = params?.id ?? '';
  useHoldFollow();
  useShowLoad(ready, () => {
    if (!id) return;
    if (visits.current?.id !== id) void visits.loadVisit(id);
    onReady?.(id);
  });
  if (!ready) return <GateFallback />;
  const b = visits.current && visits.current.id === id ? visits.current : null;
  if (b) return <>{children(b)}</>;
  return (
    <PageShell>
      {visits.currentState === 'error' || !id ? (
        <Notice tone='error' title='没有找到这次预约' text={visits.currentError ?? '请回到“我的预约”再打开。'}>
          <BigButton label='回到我的预约' onTap={() => void nav.relaunch(ROUTES.visits)} />
        </Notice>
      ) : (
        <Loading text='正在查看预约…' />
      )}
    </PageShell>
  );
});
