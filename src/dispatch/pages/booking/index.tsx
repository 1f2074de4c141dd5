import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, Heading, Loading, Notice, PageShell } from '@/components';
import { useLiveNews } from '@/hooks/use-follow';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { usePageParams } from '@/hooks/use-page-params';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { GateFallback } from '@/parts/gate-fallback';
import { timeLeftText } from '@/stores/dispatch-words';
import { stores } from '@/wiring';
import { BookingSummary } from '../../parts/booking-summary';
import { CandidateList } from '../../parts/candidate-list';
import { DispatchNav } from '../../parts/dispatch-nav';
import { ReasonAction } from '../../parts/reason-action';
import '../../parts/dispatch.scss';

const ActionMessages = observer(() => {
  const store = stores.dispatch.booking;
  return (
    <View>
      {store.done ? <Notice tone='success' title='已处理' text={store.done.text} testId='action-done' /> : null}
      {store.actionError ? (
        <Notice tone={store.conflict ? 'warning' : 'error'} title={store.conflict ? '页面已更新' : '没有成功'} text={store.actionError} testId='action-error' />
      ) : null}
    </View>
  );
});

/** 改派, then the other hand actions the state machine allows now. */
const Actions = observer(() => {
  const store = stores.dispatch.booking;
  const who = store.chosenCandidate?.staff;
  return (
    <View>
      <Heading level={2}>可以改派的人（按匹配度排序）</Heading>
      <ActionMessages />
      <CandidateList />
      {store.can('reassign') ? (
        <ReasonAction
          kind='reassign'
          label={who ? `改派给 ${who.name}` : '改派'}
          hint={who ? `已选：${who.name}（工号 ${who.staffNo}）` : '先在上面选一位，再写原因。'}
          question={who ? `确定改派给 ${who.name}（工号 ${who.staffNo}）吗？对方会收到邀约，需要他（她）确认。` : '请先选一位服务人员'}
        />
      ) : null}
      <Heading level={2}>其他处理</Heading>
      {store.can('cancel') ? <ReasonAction kind='cancel' danger question='确定取消这次预约吗？客户和服务人员都会收到通知。' /> : null}
      {store.can('staffNoShow') ? (
        <ReasonAction kind='staffNoShow' hint='服务人员过了约定时间还没到、也联系不上时记录。' question='确定记录“服务人员未到”吗？这次服务会结束，需要另约。' danger />
      ) : null}
      {store.can('unlockDoorCode') ? (
        <ReasonAction
          kind='unlockDoorCode'
          hint='服务人员连续输错 5 次上门码，核对已被锁住。先和客户、服务人员电话确认是本人在门口，再解锁。'
          question='确定解锁上门码吗？服务人员可以重新输入客户手机上的上门码。'
        />
      ) : null}
      {!store.can('reassign') && !store.can('cancel') && !store.can('staffNoShow') ? <Text className='text section'>这次预约现在不需要人工处理。</Text> : null}
    </View>
  );
});

const BookingPage = observer(() => {
  const store = stores.dispatch.booking;
  const params = usePageParams();
  const ready = useSessionGate('dispatcher') && params !== null;
  const id = params?.id;
  useShowLoad(ready, () => {
    if (id) void store.open(id);
  });
  usePullRefresh(() => store.reload());
  useLiveNews((n) => {
    if (n.type === 'catch-up' || (n.type === 'visit' && n.bookingId === store.id)) void store.reload();
  });
  if (!ready) return <GateFallback />;
  const item = store.current?.booking.id === id ? store.current : null;

  return (
    <PageShell className='dispatch'>
      <Heading>处理预约</Heading>
      <DispatchNav current={null} />
      {!id ? <Notice tone='error' title='没有指定是哪次预约' text='请回到调度台，从列表里点开一次预约。' /> : null}
      {id && store.state === 'loading' && !item ? <Loading text='正在打开这次预约…' /> : null}
      {store.state === 'error' ? (
        <Notice tone='error' title='预约没有加载出来' text={store.error ?? undefined}>
          <BigButton label='重试' onTap={() => void store.reload()} />
        </Notice>
      ) : null}
      {item ? (
        <View className='dispatch-cols'>
          <View className='dispatch-col'>
            <BookingSummary item={item} timeLeft={item.offerExpiresAt && item.booking.status === 'offered' ? timeLeftText(item.offerExpiresAt, new Date()) : null} />
          </View>
          <View className='dispatch-col'>
            <Actions />
          </View>
        </View>
      ) : null}
      <BigButton label='回到调度台' variant='secondary' onTap={() => void nav.back(ROUTES.dispatchConsole)} />
    </PageShell>
  );
});

export default BookingPage;
