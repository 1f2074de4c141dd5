import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { AntiFraudNotice, BigButton, HotlineButton, Notice, PageShell } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { CAN_READ_ALOUD, readAloud } from '@/platform/speech';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { DraftLost } from '../../parts/draft-lost';
import { StepHeader } from '../../parts/step-header';
import { stepOf } from '../../parts/steps';
import { summaryLines, summarySpeech } from '../../parts/summary';
import '../../parts/booking.scss';

function Line({ k, v }: { k: string; v: string }) {
  return (
    <View className='summary__line'>
      <Text className='text summary__key'>{k}：</Text>
      <Text className='text summary__value'>{v}</Text>
    </View>
  );
}

/** A family member booking for a parent chooses whose phone the staff member calls. */
const ContactChoice = observer(() => {
  const { draft, session } = stores;
  const user = session.user;
  if (!user || !draft.elder || draft.elder.id === user.id) return null;
  return (
    <View className='section' data-testid='contact-choice'>
      <Text className='h2'>服务人员打电话联系谁？</Text>
      <BigButton label={`${draft.elder.name}本人`} variant='choice' selected={draft.contact === 'elder'} onTap={() => draft.chooseContact('elder')} />
      <BigButton label={`我（${user.name}）`} variant='choice' selected={draft.contact === 'booker'} onTap={() => draft.chooseContact('booker')} />
    </View>
  );
});

function PhotosMissing({ bookingId }: { bookingId: string }) {
  const failed = stores.draft.photos.failed;
  return (
    <PageShell>
      <Notice tone='success' title='预约成功了' text='服务人员确认后，您会看到他（她）的名字和照片。' />
      <Notice tone='warning' title={`有 ${failed} 张照片没有传上去`} text='不要紧，服务人员上门时会当面再拍。' testId='photos-missing' />
      <BigButton label='查看预约' onTap={() => void nav.relaunch(ROUTES.visit, { id: bookingId, created: '1' })} />
    </PageShell>
  );
}

const ConfirmPage = observer(() => {
  const { draft, visits, session, messages } = stores;
  const ready = useSessionGate('customer');
  const [madeWithMissingPhotos, setMade] = useState<string | null>(null);
  if (!ready) return <GateFallback />;
  if (madeWithMissingPhotos) return <PhotosMissing bookingId={madeWithMissingPhotos} />;
  // After a refused time the slot is cleared but the rest of the draft stays: offer to pick again.
  if (!draft.elder || !draft.hasServiceDetails || !draft.address || (!draft.slot && !draft.needsNewSlot)) return <DraftLost />;
  const { step, total } = stepOf('confirm');
  const err = draft.submitError;
  const lines = summaryLines(draft, !session.booksOnlyForSelf);

  const submit = async () => {
    // WeChat allows the subscribe request only straight from the tap: ask first (templates not
    // refused before), then send; the answers are reported to the server.
    const asked = messages.askAtBooking();
    const booking = await draft.submit();
    await asked;
    if (!booking) return;
    visits.show(booking);
    // Photos that did not go up are said once here, not silently dropped; the booking stands.
    if (draft.photos.failed > 0) setMade(booking.id);
    else void nav.relaunch(ROUTES.visit, { id: booking.id, created: '1' });
  };

  return (
    <PageShell>
      <StepHeader step={step} total={total} title='请核对预约信息' />
      <View className='card' data-testid='summary'>
        {lines.map(([k, v]) => (
          <Line key={k} k={k} v={v} />
        ))}
      </View>
      {CAN_READ_ALOUD ? <BigButton label='读给我听' sublabel='再点一下停止' variant='secondary' onTap={() => readAloud(summarySpeech(lines))} testId='read-aloud' /> : null}

      <ContactChoice />
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
          busyLabel={draft.photos.progress ? `正在上传照片 ${draft.photos.progress.done + 1}/${draft.photos.progress.total}…` : '正在提交，请稍候…'}
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
