import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { MOBILITY_LABELS, MOBILITY_NEEDS } from '@domain/services';
import { BigButton, HotlineButton, PageShell } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { DraftLost } from '../../parts/draft-lost';
import { StepHeader } from '../../parts/step-header';
import { stepOf } from '../../parts/steps';
import '../../parts/booking.scss';

/** Pick-up or not, and what the escort must plan for: all taps. */
const NeedsPage = observer(() => {
  const { draft } = stores;
  const ready = useSessionGate('customer');
  if (!ready) return <GateFallback />;
  if (!draft.elder || draft.serviceType !== 'escort' || !draft.hospital || !draft.department) return <DraftLost />;
  const { step, total } = stepOf('needs');
  return (
    <PageShell>
      <StepHeader step={step} total={total} title='需要到家里接您吗？' />
      <View>
        <BigButton label='要，到家里接我' sublabel='看完病再送回家' variant='choice' selected={draft.pickUp === true} onTap={() => draft.choosePickUp(true)} />
        <BigButton label='不用，在医院门口见' sublabel='陪诊员在医院门口等您' variant='choice' selected={draft.pickUp === false} onTap={() => draft.choosePickUp(false)} />
      </View>
      <Text className='h2'>行动方面要注意什么？（可以多选，也可以不选）</Text>
      {MOBILITY_NEEDS.map((m) => (
        <BigButton key={m} label={MOBILITY_LABELS[m]} variant='choice' selected={draft.mobility.includes(m)} onTap={() => draft.toggleMobility(m)} />
      ))}
      <BigButton
        label='下一步'
        sublabel={draft.pickUp === null ? '请先选要不要接送' : draft.pickUp ? '选择接您的地址' : '选择您家的地址'}
        disabled={draft.pickUp === null}
        onTap={() => void nav.go(ROUTES.bookAddress)}
        testId='needs-next'
      />
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default NeedsPage;
