import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, HotlineButton, Loading, Notice, PageShell, VisitCard } from '@/components';
import { useFollow } from '@/hooks/use-follow';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { SignOutButton } from '@/parts/sign-out-button';
import { stores } from '@/wiring';
import './index.scss';

const NextVisit = observer(() => {
  const { visits } = stores;
  if (visits.listState === 'loading' && !visits.list.length) return <Loading text='正在查看您的预约…' />;
  if (visits.listState === 'error' && !visits.list.length) {
    return (
      <Notice tone='error' title='预约信息没有加载出来' text={visits.listError ?? undefined}>
        <BigButton label='重试' onTap={() => void visits.loadList()} />
      </Notice>
    );
  }
  const next = visits.next;
  if (!next) return visits.listState === 'ready' ? <Text className='text muted home__none'>目前没有待上门的预约。</Text> : null;
  return <VisitCard booking={next} heading='下一次上门' showElder={!stores.session.booksOnlyForSelf} onOpen={(id) => void nav.go(ROUTES.visit, { id })} />;
});

/** An unfinished booking kept on the phone: one tap back to where the person left off. */
const ResumeDraft = observer(() => {
  const { draft } = stores;
  if (!draft.elder || !draft.hasServiceDetails) return null;
  const route = draft.slot ? ROUTES.bookConfirm : draft.addressId ? ROUTES.bookTime : ROUTES.bookAddress;
  const what = draft.serviceType === 'claim' ? '上门理赔' : '就医陪诊';
  return <BigButton label='继续上次没填完的预约' sublabel={`${what}，刚才选的都还在`} variant='secondary' onTap={() => void nav.go(route)} testId='resume-draft' />;
});

const HomePage = observer(() => {
  const { session, visits, draft } = stores;
  const ready = useSessionGate('customer');
  useShowLoad(ready, () => void visits.loadList());
  usePullRefresh(() => visits.loadList());
  // The next-visit card moves on by itself (confirmed, on the way) while the home page is open.
  useFollow(ready ? { kind: 'list' } : null);

  if (!ready) return <GateFallback />;

  const start = (service: 'claim' | 'escort') => {
    if (!session.user) return;
    draft.start(session.user, service);
    const first = service === 'claim' ? ROUTES.bookType : ROUTES.escort;
    void nav.go(draft.elder ? first : ROUTES.bookWho);
  };

  return (
    <PageShell className='home'>
      <Text className='h1'>{session.user?.name}，您好</Text>
      <Text className='text home__ask'>您想办什么事？</Text>
      <View className='home__entries'>
        <BigButton label='上门理赔' sublabel='工作人员上门，帮您办理赔' className='home__entry' onTap={() => start('claim')} testId='entry-claim' />
        <BigButton
          label='就医陪诊'
          sublabel='陪您去医院看病'
          className='home__entry'
          variant='secondary'
          onTap={() => start('escort')}
          testId='entry-escort'
        />
      </View>

      <ResumeDraft />
      <NextVisit />

      <HotlineButton onCall={callPhone} />
      <View className='home__links'>
        <View className='grid__cell'>
          <BigButton label='我的预约' variant='quiet' onTap={() => void nav.go(ROUTES.visits)} />
        </View>
        <View className='grid__cell'>
          <BigButton label='我的' variant='quiet' onTap={() => void nav.go(ROUTES.me)} testId='entry-me' />
        </View>
      </View>
      <SignOutButton />
    </PageShell>
  );
});

export default HomePage;
