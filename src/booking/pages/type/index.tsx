import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { CLAIM_TYPES, CLAIM_TYPE_INFO, type ClaimType } from '@domain/services';
import { BigButton, HotlineButton, PageShell } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { scrollToSelector } from '@/platform/scroll';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { DocumentPhotosCard } from '../../parts/document-photos';
import { DraftLost } from '../../parts/draft-lost';
import { StepHeader } from '../../parts/step-header';
import { stepOf } from '../../parts/steps';
import '../../parts/booking.scss';

/** 一次性告知: every document for this claim type, before the visit, so one visit is enough. */
function Checklist({ type }: { type: ClaimType }) {
  const info = CLAIM_TYPE_INFO[type];
  return (
    <View id='checklist' className='card' data-testid='checklist'>
      <Text className='h2'>{info.label}：请提前准备好这些材料</Text>
      {info.documents.map((d) => (
        <View key={d} className='checklist__item'>
          <Text className='text checklist__mark'>□</Text>
          <Text className='text'>{d}</Text>
        </View>
      ))}
      <Text className='text muted'>准备好了，服务人员上门一次就能办完。暂时找不到的，也可以先预约，服务人员会电话和您确认。</Text>
    </View>
  );
}

const TypePage = observer(() => {
  const { draft } = stores;
  const ready = useSessionGate('customer');
  if (!ready) return <GateFallback />;
  if (!draft.elder || draft.serviceType !== 'claim') return <DraftLost />;
  const { step, total } = stepOf('type');
  return (
    <PageShell>
      <StepHeader step={step} total={total} title='要办哪一种理赔？' />
      <Text className='text muted'>为 {draft.elder.name} 预约上门理赔。点一下类型：</Text>
      <View className='grid'>
        {CLAIM_TYPES.map((t) => (
          <View key={t} className='grid__cell'>
            <BigButton
              label={CLAIM_TYPE_INFO[t].label}
              variant='choice'
              selected={draft.claimType === t}
              onTap={() => {
                draft.chooseClaimType(t);
                scrollToSelector('#checklist');
              }}
            />
          </View>
        ))}
      </View>
      {draft.claimType ? (
        <>
          <Checklist type={draft.claimType} />
          <DocumentPhotosCard />
          <BigButton label='我知道了，下一步' sublabel='选择上门地址' onTap={() => void nav.go(ROUTES.bookAddress)} testId='type-next' />
        </>
      ) : (
        <Text className='text muted'>选好后，这里会列出需要准备的材料。</Text>
      )}
      <View className='booking__footer'>
        <HotlineButton onCall={callPhone} label='不知道选哪个？打电话问我们' />
      </View>
    </PageShell>
  );
});

export default TypePage;
