import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatVisitWindow } from '@domain/time';
import type { BookingView } from '@domain/schemas';
import { AntiFraudNotice, BigButton, HotlineButton, Loading, Notice, PageShell, StaffCard, StatusBadge, Timeline, serviceLine } from '@/components';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { serverUrl } from '@/platform/env';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import './index.scss';

const VisitBody = observer(({ b, showElder }: { b: BookingView; showElder: boolean }) => {
  return (
    <View>
      <View className='card visit__head' data-testid='visit-status'>
        <Text className='text muted'>现在的状态</Text>
        <StatusBadge status={b.status} label={b.statusLabel} large />
        <Text className='text strong'>{serviceLine(b)}</Text>
        <Text className='big visit__when'>{formatVisitWindow(b.slotStart, b.slotEnd)}</Text>
        <Text className='text'>
          地址：{b.address.label}，{b.address.text}
        </Text>
        {showElder ? <Text className='text'>为 {b.elder.name} 服务</Text> : null}
        {b.note ? <Text className='text'>留言：{b.note}</Text> : null}
      </View>

      <Text className='h2'>谁来上门</Text>
      {b.staff ? (
        <StaffCard staff={b.staff} photoSrc={serverUrl(b.staff.photoUrl)} reasons={b.matchReasons} />
      ) : (
        <Notice tone='info' title='正在为您安排服务人员' text='安排好后，这里会显示服务人员的照片、姓名和工号。' />
      )}

      <AntiFraudNotice />

      <Text className='h2'>进度</Text>
      <View className='card'>
        <Timeline entries={b.timeline} />
      </View>
    </View>
  );
});

/** Right after booking: say what happens next, until the visit is confirmed. */
function SubmittedNotice({ b }: { b: BookingView }) {
  if (b.status === 'offered' && b.staff) {
    return <Notice tone='success' title='预约已提交' text={`已为您安排${b.staff.title}，等${b.staff.title}确认后，这里会显示“已确认”。`} />;
  }
  if (b.status === 'submitted' || b.status === 'matching') {
    return <Notice tone='success' title='预约已提交' text='我们正在为您安排服务人员，安排好后这里会显示是谁来。' />;
  }
  return null;
}

const VisitPage = observer(() => {
  const { visits } = stores;
  const ready = useSessionGate('customer');
  const params = nav.params();
  const id = params.id ?? '';
  const load = () => (id ? visits.loadVisit(id) : Promise.resolve());
  useShowLoad(ready, () => void load());
  usePullRefresh(load);
  if (!ready) return <GateFallback />;

  const b = visits.current && visits.current.id === id ? visits.current : null;
  const refreshing = visits.currentState === 'loading';
  return (
    <PageShell>
      {params.created === '1' && b ? <SubmittedNotice b={b} /> : null}
      {!id ? <Notice tone='error' text='没有找到这次预约，请从“我的预约”里打开。' /> : null}
      {!b && refreshing ? <Loading text='正在查看预约…' /> : null}
      {visits.currentState === 'error' ? (
        <Notice tone='error' title={b ? '没有刷新成功，下面是之前的信息' : '预约信息没有加载出来'} text={visits.currentError ?? undefined} />
      ) : null}
      {b ? <VisitBody b={b} showElder={!stores.session.booksOnlyForSelf} /> : null}
      {id ? <BigButton label='刷新' sublabel='看看有没有新进度' variant='secondary' busy={refreshing} busyLabel='正在刷新…' onTap={() => void load()} testId='refresh' /> : null}
      <HotlineButton onCall={callPhone} />
      <BigButton label='我的全部预约' variant='quiet' onTap={() => void nav.go(ROUTES.visits)} />
      <BigButton label='回到首页' variant='quiet' onTap={() => void nav.relaunch(ROUTES.home)} />
    </PageShell>
  );
});

export default VisitPage;
