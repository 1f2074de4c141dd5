import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { HOTLINE } from '@domain/errors';
import { canComplain } from '@domain/feedback';
import type { BookingView } from '@domain/schemas';
import { AntiFraudNotice, BigButton, Heading, HotlineButton, Loading, Notice, PageShell, StaffCard, Timeline } from '@/components';
import { useFollow } from '@/hooks/use-follow';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { usePageParams } from '@/hooks/use-page-params';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { serverUrl } from '@/platform/env';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { AfterVisit } from '../../parts/after-visit';
import { ArrivalCard } from '../../parts/arrival-card';
import { ChangeActions } from '../../parts/change-actions';
import { VisitPassport } from '../../parts/passport';
import { RecordCard } from '../../parts/record-card';
import { StatusCard } from '../../parts/status-card';
import { WechatReminderOffer } from '../../parts/wechat-reminder-offer';
import './index.scss';

const VisitBody = observer(({ b }: { b: BookingView }) => {
  const me = stores.session.user;
  return (
    <View>
      <StatusCard b={b} showElder={!stores.session.booksOnlyForSelf} />
      <ArrivalCard b={b} />
      <WechatReminderOffer b={b} />
      <VisitPassport b={b} />
      <RecordCard b={b} signer={me?.id === b.elder.id ? null : b.elder.name} />

      <Heading level={2}>谁来上门</Heading>
      {b.staff ? (
        <StaffCard
          staff={b.staff}
          photoSrc={serverUrl(b.staff.photoUrl)}
          reasons={b.matchReasons}
          onCall={() => callPhone(HOTLINE)}
          callHint={`经客服热线 ${HOTLINE} 转接`}
        />
      ) : (
        <Notice tone='info' title='正在为您安排服务人员' text='安排好后，这里会显示服务人员的照片、姓名和工号。' />
      )}

      <ChangeActions b={b} />
      {canComplain(b.status) ? <AfterVisit b={b} /> : null}

      <AntiFraudNotice />

      <Heading level={2}>进度</Heading>
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

/**
 * When the followed visit moves on to a status that can be rated or complained about (it started,
 * it is done), the rating and complaints are loaded then (opening the page loads them itself).
 */
function useFeedbackFollows(b: BookingView | null, id: string) {
  const status = b && b.id === id ? b.status : null;
  const seen = useRef(status);
  useEffect(() => {
    const before = seen.current;
    seen.current = status;
    if (before && status && before !== status && canComplain(status)) void stores.feedback.load(id);
  }, [status, id]);
}

const VisitPage = observer(() => {
  const { visits, feedback } = stores;
  const params = usePageParams();
  const ready = useSessionGate('customer') && params !== null;
  const id = params?.id ?? '';
  const load = async () => {
    if (!id) return;
    await visits.loadVisit(id);
    const b = visits.current;
    if (b && b.id === id && canComplain(b.status)) await feedback.load(id);
  };
  useShowLoad(ready, () => void load());
  usePullRefresh(load);
  useFollow(ready && id ? { kind: 'visit', id } : null);
  useFeedbackFollows(ready ? visits.current : null, id);
  if (!ready) return <GateFallback />;

  const b = visits.current && visits.current.id === id ? visits.current : null;
  const refreshing = visits.currentState === 'loading';
  return (
    <PageShell>
      {params?.created === '1' && b ? <SubmittedNotice b={b} /> : null}
      {b && visits.lastChange?.id === b.id ? (
        <Notice tone='success' title={visits.lastChange.kind === 'cancel' ? '预约已取消' : '时间已改好'} text={visits.lastChange.kind === 'cancel' ? '不用再等服务人员上门了。' : '新的时间在下面，服务人员有变化时这里会写明。'} testId='changed' />
      ) : null}
      {!id ? <Notice tone='error' text='没有找到这次预约，请从“我的预约”里打开。' /> : null}
      {!b && refreshing ? <Loading text='正在查看预约…' /> : null}
      {visits.currentState === 'error' ? (
        <Notice tone='error' title={b ? '没有刷新成功，下面是之前的信息' : '预约信息没有加载出来'} text={visits.currentError ?? undefined} />
      ) : null}
      {b ? <VisitBody b={b} /> : null}
      {id ? <BigButton label='刷新' sublabel='看看有没有新进度' variant='secondary' busy={refreshing} busyLabel='正在刷新…' onTap={() => void load()} testId='refresh' /> : null}
      <HotlineButton onCall={callPhone} />
      <BigButton label='我的全部预约' variant='quiet' onTap={() => void nav.go(ROUTES.visits)} />
      <BigButton label='回到首页' variant='quiet' onTap={() => void nav.relaunch(ROUTES.home)} />
    </PageShell>
  );
});

export default VisitPage;
