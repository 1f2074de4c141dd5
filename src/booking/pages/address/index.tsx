import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, EmptyState, HotlineButton, Loading, Notice, PageShell } from '@/components';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { DraftLost } from '../../parts/draft-lost';
import { StepHeader } from '../../parts/step-header';
import { stepOf } from '../../parts/steps';
import '../../parts/booking.scss';

const AddressPage = observer(() => {
  const { draft } = stores;
  const ready = useSessionGate('customer');
  const hasDraft = !!(draft.elder && draft.hasServiceDetails);
  useShowLoad(ready && hasDraft, () => {
    if (draft.addressState !== 'ready') void draft.loadAddresses();
  });
  usePullRefresh(() => draft.loadAddresses());
  if (!ready) return <GateFallback />;
  if (!hasDraft) return <DraftLost />;
  const { step, total } = stepOf('address');
  const title = draft.serviceType === 'claim' ? '请工作人员到哪里？' : draft.pickUp ? '到哪里接您？' : '您住在哪里？';
  const addNew = <BigButton label='添加新地址' sublabel='手动填写，或在地图上选' variant='secondary' onTap={() => void nav.go(ROUTES.bookNewAddress)} testId='add-address' />;

  return (
    <PageShell>
      <StepHeader step={step} total={total} title={title} />
      {draft.serviceType === 'escort' && !draft.pickUp ? <Text className='text muted'>用来安排离您近的陪诊员。</Text> : null}
      {draft.addressState === 'loading' ? <Loading text='正在查找已保存的地址…' /> : null}
      {draft.addressState === 'error' ? (
        <Notice tone='error' title='地址没有加载出来' text={draft.addressError ?? undefined}>
          <BigButton label='重试' onTap={() => void draft.loadAddresses()} />
        </Notice>
      ) : null}
      {draft.addressState === 'ready' && draft.addresses.length === 0 ? (
        <>
          <EmptyState title='还没有保存的地址' hint='请点下面的“添加新地址”，写上地址就能继续。' />
          {addNew}
        </>
      ) : null}
      {draft.addressState === 'ready' && draft.addresses.length > 0 ? (
        <View>
          <Text className='text muted'>点一下地址：</Text>
          {draft.addresses.map((a) => (
            <BigButton
              key={a.id}
              label={a.label}
              sublabel={a.text}
              variant='choice'
              selected={draft.addressId === a.id}
              onTap={() => {
                draft.chooseAddress(a.id);
                void nav.go(ROUTES.bookTime);
              }}
            />
          ))}
          {addNew}
        </View>
      ) : null}
      <View className='booking__footer'>
        <HotlineButton onCall={callPhone} />
      </View>
    </PageShell>
  );
});

export default AddressPage;
