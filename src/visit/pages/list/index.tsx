import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, EmptyState, HotlineButton, Loading, Notice, PageShell, VisitCard } from '@/components';
import { useFollow } from '@/hooks/use-follow';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';

const open = (id: string) => void nav.go(ROUTES.visit, { id });
const LIST = { kind: 'list' } as const;

const VisitsPage = observer(() => {
  const { visits } = stores;
  const ready = useSessionGate('customer');
  useShowLoad(ready, () => void visits.loadList());
  usePullRefresh(() => visits.loadList());
  useFollow(ready ? LIST : null);
  if (!ready) return <GateFallback />;
  const loading = visits.listState === 'loading';
  const showElder = !stores.session.booksOnlyForSelf;

  return (
    <PageShell>
      <Text className='h1'>我的预约</Text>
      {loading && !visits.list.length ? <Loading text='正在查看您的预约…' /> : null}
      {visits.listState === 'error' ? (
        <Notice tone='error' title='预约没有加载出来' text={visits.listError ?? undefined}>
          <BigButton label='重试' onTap={() => void visits.loadList()} />
        </Notice>
      ) : null}
      {visits.listState === 'ready' && !visits.list.length ? (
        <EmptyState title='您还没有预约' hint='回到首页，点“上门理赔”，几步就能约好。' actionLabel='回到首页' onAction={() => void nav.relaunch(ROUTES.home)} />
      ) : null}
      {visits.upcoming.length ? (
        <View>
          <Text className='h2'>待上门（{visits.upcoming.length}）</Text>
          {visits.upcoming.map((b) => (
            <VisitCard key={b.id} booking={b} onOpen={open} showElder={showElder} />
          ))}
        </View>
      ) : null}
      {visits.past.length ? (
        <View>
          <Text className='h2'>已结束（{visits.past.length}）</Text>
          {visits.past.map((b) => (
            <VisitCard key={b.id} booking={b} onOpen={open} showElder={showElder} />
          ))}
        </View>
      ) : null}
      {visits.list.length ? (
        <BigButton label='刷新' variant='secondary' busy={loading} busyLabel='正在刷新…' onTap={() => void visits.loadList()} />
      ) : null}
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default VisitsPage;
