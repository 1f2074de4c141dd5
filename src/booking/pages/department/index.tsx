import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { DEPARTMENTS, DEPARTMENT_LABELS } from '@domain/services';
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

const DepartmentPage = observer(() => {
  const { draft } = stores;
  const ready = useSessionGate('customer');
  if (!ready) return <GateFallback />;
  if (!draft.elder || draft.serviceType !== 'escort' || !draft.hospital) return <DraftLost />;
  const { step, total } = stepOf('department');
  return (
    <PageShell>
      <StepHeader step={step} total={total} title='看哪个科？' />
      <Text className='text muted'>在{draft.hospital.name}看病。点一下科室（不确定就点“其他科室”，陪诊员会电话和您确认）：</Text>
      <View className='grid'>
        {DEPARTMENTS.map((d) => (
          <View key={d} className='grid__cell'>
            <BigButton
              label={DEPARTMENT_LABELS[d]}
              variant='choice'
              selected={draft.department === d}
              onTap={() => {
                draft.chooseDepartment(d);
                void nav.go(ROUTES.bookNeeds);
              }}
            />
          </View>
        ))}
      </View>
      <View className='booking__footer'>
        <HotlineButton onCall={callPhone} />
      </View>
    </PageShell>
  );
});

export default DepartmentPage;
