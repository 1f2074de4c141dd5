import { Text } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, EmptyState, HotlineButton, PageShell } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { StepHeader } from '../../parts/step-header';
import { stepOf } from '../../parts/steps';
import '../../parts/booking.scss';

const WhoPage = observer(() => {
  const { session, draft } = stores;
  const ready = useSessionGate('customer');
  if (!ready || !session.user) return <GateFallback />;
  const { step, total } = stepOf('who');
  const elders = session.user.bookFor;
  return (
    <PageShell>
      <StepHeader step={step} total={total} title={draft.serviceType === 'escort' ? '这次陪谁去医院？' : '这次是为谁预约？'} />
      {elders.length === 0 ? (
        <EmptyState title='还没有可以代为预约的长辈' hint='需要长辈先在他（她）的手机上同意，您才能为他（她）预约。也可以拨打客服热线，我们帮您办。' />
      ) : (
        <>
          <Text className='text muted'>点一下名字：</Text>
          {elders.map((e) => (
            <BigButton
              key={e.id}
              label={e.id === session.user?.id ? `${e.name}（我自己）` : e.name}
              variant='choice'
              selected={draft.elder?.id === e.id}
              onTap={() => {
                draft.chooseElder(e);
                void nav.go(draft.serviceType === 'escort' ? ROUTES.escort : ROUTES.bookType);
              }}
            />
          ))}
        </>
      )}
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default WhoPage;
