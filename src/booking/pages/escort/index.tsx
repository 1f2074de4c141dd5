import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { searchHospitals, type Hospital } from '@domain/services';
import { BigButton, EmptyState, HotlineButton, PageShell, TextField } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { DraftLost } from '../../parts/draft-lost';
import { StepHeader } from '../../parts/step-header';
import { stepOf } from '../../parts/steps';
import '../../parts/booking.scss';

function HospitalButton({ h }: { h: Hospital }) {
  const { draft } = stores;
  return (
    <BigButton
      label={h.name}
      sublabel={`${h.district} ${h.address}`}
      variant='choice'
      selected={draft.hospitalId === h.id}
      onTap={() => {
        draft.chooseHospital(h.id);
        void nav.go(ROUTES.bookDepartment);
      }}
    />
  );
}

/** 就医陪诊, first step: which hospital (recent ones first, or search by name). */
const EscortHospitalPage = observer(() => {
  const { draft } = stores;
  const ready = useSessionGate('customer');
  const [typed, setTyped] = useState('');
  if (!ready) return <GateFallback />;
  if (!draft.elder || draft.serviceType !== 'escort') return <DraftLost />;
  const { step, total } = stepOf('hospital');
  const found = searchHospitals(typed);
  const recent = typed.trim() ? [] : draft.recentHospitals;

  return (
    <PageShell>
      <StepHeader step={step} total={total} title='去哪家医院看病？' />
      <Text className='text muted'>陪诊员陪 {draft.elder.name} 去医院：挂号、排队、看病、取药，需要的话接送。</Text>
      <TextField
        label='输入医院名字找一找（也可以直接在下面点）：'
        spokenName='输入医院名字查找'
        value={typed}
        onChange={setTyped}
        maxLength={20}
        placeholder='例如：瑞金'
        confirmType='search'
      />
      {recent.length ? (
        <View data-testid='recent-hospitals'>
          <Text className='h2'>最近去过</Text>
          {recent.map((h) => (
            <HospitalButton key={h.id} h={h} />
          ))}
        </View>
      ) : null}
      {found.length ? (
        <View>
          <Text className='h2'>{typed.trim() ? '找到这些医院' : '上海的医院'}</Text>
          {found.map((h) => (
            <HospitalButton key={h.id} h={h} />
          ))}
        </View>
      ) : (
        <EmptyState title='没有找到这家医院' hint='请少输几个字再试，或打电话告诉我们医院名字，我们帮您预约。' />
      )}
      <View className='booking__footer'>
        <HotlineButton onCall={callPhone} label='找不到医院？打电话问我们' />
      </View>
    </PageShell>
  );
});

export default EscortHospitalPage;
