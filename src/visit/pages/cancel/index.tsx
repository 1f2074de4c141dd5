import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { formatVisitWindow } from '@domain/time';
import type { BookingView } from '@domain/schemas';
import { BigButton, Heading, HotlineButton, Notice, PageShell, TextField, roleAttrs, serviceLine } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { CANCEL_REASONS, changeCutoffPassed, cutoffHours } from '@/stores/visit-change';
import { stores } from '@/wiring';
import { VisitPageGate } from '../../parts/visit-page-gate';

const CancelForm = observer(({ b }: { b: BookingView }) => {
  const { visits } = stores;
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const tooLate = visits.changeTooLate || changeCutoffPassed(b);
  const allowed = b.allowedActions.includes('cancel');
  const submit = async () => {
    if (!reason) return;
    if (await visits.cancel(reason, note)) void nav.back(ROUTES.visits);
  };
  return (
    <PageShell>
      <Heading>取消这次预约</Heading>
      <View className='card'>
        <Text className='text strong'>{serviceLine(b)}</Text>
        <Text className='text'>{formatVisitWindow(b.slotStart, b.slotEnd)}</Text>
      </View>
      {tooLate ? (
        <Notice tone='info' title={`来访前 ${cutoffHours(b)} 小时内不能在手机上改，请打电话`} text='服务人员已经安排好了今天的行程。请打客服热线，我们帮您取消或改时间。' testId='cutoff-passed'>
          <HotlineButton onCall={callPhone} label='打电话取消' />
        </Notice>
      ) : null}
      {!tooLate && !allowed ? <Notice tone='info' title='这次预约现在不能取消' text={`现在的状态是“${b.statusLabel}”。如需帮助，请打客服热线。`} /> : null}
      {!tooLate && allowed ? (
        <>
          <Heading level={2}>为什么取消？（点一个）</Heading>
          <View className='grid' {...roleAttrs('group')} aria-label='取消的原因'>
            {CANCEL_REASONS.map((r) => (
              <View key={r} className='grid__cell'>
                <BigButton label={r} variant='choice' selected={reason === r} onTap={() => setReason(r)} />
              </View>
            ))}
          </View>
          <TextField
            label='还想说点什么？（可以不填）'
            spokenName='补充说明，可以不填'
            value={note}
            onChange={setNote}
            maxLength={60}
            placeholder='例如：下周再约'
          />
          {visits.changeState === 'error' ? <Notice tone='error' text={visits.changeError ?? undefined} /> : null}
          <BigButton
            label='确认取消预约'
            sublabel={reason ? `原因：${reason}` : '请先点一个原因'}
            variant='danger'
            disabled={!reason}
            busy={visits.changeState === 'saving'}
            busyLabel='正在取消…'
            onTap={() => void submit()}
            testId='confirm-cancel'
          />
        </>
      ) : null}
      <BigButton label='不取消了，返回' variant='quiet' onTap={() => void nav.back(ROUTES.visits)} />
    </PageShell>
  );
});

const CancelPage = () => (
  <VisitPageGate onReady={() => stores.visits.resetChange()}>{(b) => <CancelForm b={b} />}</VisitPageGate>
);

export default CancelPage;
