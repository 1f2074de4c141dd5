import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatChinaClock } from '@domain/time';
import { BigButton, Heading, Loading, Notice, PageShell } from '@/components';
import { useLiveNews } from '@/hooks/use-follow';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { GateFallback } from '@/parts/gate-fallback';
import { SignOutButton } from '@/parts/sign-out-button';
import { stores } from '@/wiring';
import { DispatchNav } from '../../parts/dispatch-nav';
import { RiskCard } from '../../parts/risk-card';
import { ServiceLevelsView } from '../../parts/service-levels';
import { useAutoRefresh } from '../../parts/use-auto-refresh';
import '../../parts/dispatch.scss';

/** What is at risk, in the order to act on it: nobody to send, then offers about to lapse. */
const AtRisk = observer(() => {
  const c = stores.dispatch.console;
  if (c.queueState === 'loading' && !c.queue) return <Loading text='正在查看待处理的预约…' />;
  if (c.queueState === 'error' && !c.queue) return <Notice tone='error' title='待处理的预约没有加载出来' text={c.queueError ?? undefined} />;
  return (
    <View>
      <Heading level={2}>没有安排到人（{c.unmatched.length}）</Heading>
      {c.unmatched.length ? (
        c.unmatched.map((item) => <RiskCard key={item.booking.id} item={item} />)
      ) : (
        <Text className='text section'>✓ 所有预约都安排到人了。</Text>
      )}
      <Heading level={2}>等待服务人员答复（{c.expiringOffers.length}）</Heading>
      {c.expiringOffers.length ? (
        c.expiringOffers.map((o) => <RiskCard key={o.item.booking.id} item={o.item} timeLeft={o.timeLeft} urgent={o.urgent} />)
      ) : (
        <Text className='text section'>✓ 没有等待答复的邀约。</Text>
      )}
    </View>
  );
});

const Rematch = observer(() => {
  const c = stores.dispatch.console;
  return (
    <View className='section'>
      <BigButton
        label='全部重新匹配'
        sublabel='把还没安排到人的预约一起再匹配一次'
        busy={c.rematching}
        busyLabel='正在重新匹配…'
        onTap={() => void c.rematchAll()}
        testId='rematch-all'
      />
      {c.rematchText ? <Notice tone='success' title='重新匹配完成' text={c.rematchText} testId='rematch-result' /> : null}
      {c.rematchError ? <Notice tone='error' title='没有重新匹配' text={c.rematchError} /> : null}
    </View>
  );
});

const Levels = observer(() => {
  const c = stores.dispatch.console;
  return (
    <View>
      <Heading level={2}>今天的服务水平</Heading>
      {c.levelsState === 'loading' && !c.levels ? <Loading text='正在统计今天的服务…' /> : null}
      {c.levelsState === 'error' && !c.levels ? <Notice tone='error' title='服务水平没有加载出来' text={c.levelsError ?? undefined} /> : null}
      {c.levels ? <ServiceLevelsView levels={c.levels} complaints={c.complaints} /> : null}
    </View>
  );
});

const ConsolePage = observer(() => {
  const { session, dispatch } = stores;
  const c = dispatch.console;
  const ready = useSessionGate('dispatcher');
  useShowLoad(ready, () => void c.load());
  useAutoRefresh(ready, () => void c.load());
  usePullRefresh(() => c.load());
  useLiveNews(() => void c.load(), { atMostEveryMs: 5_000 });
  if (!ready) return <GateFallback />;

  return (
    <PageShell className='dispatch'>
      <Heading>调度台</Heading>
      <Text className='text dispatch-updated'>
        {session.user?.name}，您好。{c.loadedAt ? `数据更新于 ${formatChinaClock(c.loadedAt)}，` : ''}每 30 秒自动刷新。
      </Text>
      <DispatchNav current='console' />
      {c.queueState === 'error' && c.queue ? <Notice tone='warning' title='刚才没有刷新成功' text={c.queueError ?? undefined} /> : null}
      <View className='dispatch-cols'>
        <View className='dispatch-col'>
          <AtRisk />
          <Rematch />
        </View>
        <View className='dispatch-col'>
          <Levels />
        </View>
      </View>
      <BigButton label='刷新' variant='secondary' busy={c.queueState === 'loading'} busyLabel='正在刷新…' onTap={() => void c.load()} />
      <SignOutButton />
    </PageShell>
  );
});

export default ConsolePage;
