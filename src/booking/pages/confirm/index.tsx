import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { CLAIM_TYPE_INFO, SERVICE_LABELS } from '@domain/services';
import { formatVisitWindow } from '@domain/time';
import { AntiFraudNotice, BigButton, HotlineButton, Notice, PageShell } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { DraftLost } from '../../parts/draft-lost';
import { StepHeader } from '../../parts/step-header';
import { stepOf } from '../../parts/steps';
import '../../parts/booking.scss';

function Line({ k, v }: { k: string; v: string }) {
  return (
    <View className='summary__line'>
      <Text className='text summary__key'>{k}：</Text>
      <Text className='text summary__value'>{v}</Text>
    </View>
  );
}

const ConfirmPage = observer(() => {
  const { draft, visits, session } = stores;
  const ready = useSessionGate('customer');
  if (!ready) return <GateFallback />;
  // After a refused time the slot is cleared but the rest of the draft stays: offer to pick again.
  if (!draft.elder || !draft.claimType || !draft.address || (!draft.slot && !draft.needsNewSlot)) return <DraftLost />;
  const { step, total } = stepOf('confirm');
  const err = draft.submitError;

  const submit = async () => {
    const booking = await draft.submit();
    if (booking) {
      visits.show(booking);
      void nav.relaunch(ROUTES.visit, { id: booking.id, created: '1' });
    }
  };

  return (
    <PageShell>
      <StepHeader step={step} total={total} title='请核对预约信息' />
      <View className='card' data-testid='summary'>
        <Line k='服务' v={SERVICE_LABELS.claim} />
        <Line k='类型' v={CLAIM_TYPE_INFO[draft.claimType].label} />
        {!session.booksOnlyForSelf ? <Line k='为谁' v={draft.elder.name} /> : null}
        <Line k='地址' v={`${draft.address.label}，${draft.address.text}`} />
        <Line k='时间' v={draft.slot ? formatVisitWindow(draft.slot.start, draft.slot.end) : '请重新选择'} />
        {draft.note.trim() ? <Line k='留言' v={draft.note.trim()} /> : null}
      </View>

      <AntiFraudNotice />

      {err ? (
        <Notice tone='error' text={err.message} testId='submit-error'>
          {draft.needsNewSlot ? <BigButton label='重新选择时间' onTap={() => void nav.back(ROUTES.bookTime)} /> : null}
        </Notice>
      ) : null}

      {draft.slot ? (
        <BigButton
          label={err && !draft.needsNewSlot ? '再试一次：确认预约' : '确认预约'}
          busy={draft.submitting}
          busyLabel='正在提交，请稍候…'
          onTap={() => void submit()}
          testId='confirm-booking'
        />
      ) : null}
      <BigButton label='返回修改' variant='secondary' onTap={() => void nav.back(ROUTES.bookTime)} />
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default ConfirmPage;
