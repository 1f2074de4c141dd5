import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, EmptyState, Heading, Loading, Notice, PageShell } from '@/components';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { GateFallback } from '@/parts/gate-fallback';
import { ROSTER_DAY_LABELS, type RosterDay } from '@/stores/dispatch-words';
import { stores } from '@/wiring';
import { DispatchNav } from '../../parts/dispatch-nav';
import { RosterCard } from '../../parts/roster-card';
import '../../parts/dispatch.scss';

const DAYS: RosterDay[] = ['today', 'tomorrow'];

/** Today or tomorrow: whose load the cards show. */
const DayPicker = observer(() => {
  const roster = stores.dispatch.roster;
  return (
    <View className='section'>
      <Text className='field-label'>看哪一天的工作量：</Text>
      <View className='grid'>
        {DAYS.map((d) => (
          <View key={d} className='grid__cell'>
            <BigButton
              label={ROSTER_DAY_LABELS[d]}
              sublabel={roster.day === d ? roster.date : undefined}
              variant='choice'
              selected={roster.day === d}
              onTap={() => void roster.pickDay(d)}
            />
          </View>
        ))}
      </View>
    </View>
  );
});

const StaffPage = observer(() => {
  const roster = stores.dispatch.roster;
  const ready = useSessionGate('dispatcher');
  useShowLoad(ready, () => void roster.load());
  usePullRefresh(() => roster.load());
  if (!ready) return <GateFallback />;
  const onLeave = roster.roster.filter((e) => e.onLeaveNow).length;

  return (
    <PageShell className='dispatch'>
      <Heading>服务人员名单</Heading>
      <DispatchNav current='staff' />
      <DayPicker />
      {roster.state === 'loading' && !roster.roster.length ? <Loading text='正在加载人员名单…' /> : null}
      {roster.state === 'error' ? (
        <Notice tone='error' title='名单没有加载出来' text={roster.error ?? undefined}>
          <BigButton label='重试' onTap={() => void roster.load()} />
        </Notice>
      ) : null}
      {roster.state === 'ready' && !roster.roster.length ? (
        <EmptyState title='还没有服务人员' hint='先建一个人员账号，再把邀请链接发给他（她）。' actionLabel='新建人员账号' onAction={() => void nav.go(ROUTES.dispatchNewStaff)} />
      ) : null}
      {roster.roster.length ? (
        <Text className='text section'>
          共 {roster.roster.length} 人{onLeave ? `，其中 ${onLeave} 人正在请假` : ''}。
        </Text>
      ) : null}
      <View className='dispatch-grid'>
        {roster.roster.map((e) => (
          <RosterCard key={e.staff.id} e={e} />
        ))}
      </View>
      <BigButton label='刷新' variant='secondary' busy={roster.state === 'loading'} busyLabel='正在刷新…' onTap={() => void roster.load()} />
    </PageShell>
  );
});

export default StaffPage;
