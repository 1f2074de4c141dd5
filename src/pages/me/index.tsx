import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, Heading, HotlineButton, PageShell, roleAttrs } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { elderMode, setElderMode } from '@/platform/elder-mode';
import { nav, ROUTES, type Route } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { SignOutButton } from '@/parts/sign-out-button';
import { stores } from '@/wiring';
import { PreferencesSection } from './preferences-section';

/** The family pages' entry, once that sub-package declares it. */
const FAMILY_ROUTE = (ROUTES as Partial<Record<string, Route>>).family;

const ElderModeSwitch = observer(() => {
  const on = elderMode.get();
  return (
    <View className='section' data-testid='elder-mode'>
      <Heading level={2}>长辈模式</Heading>
      <Text className='text muted'>打开后字更大、按钮更大。{on ? '现在是打开的。' : '现在是关着的。'}</Text>
      <View className='grid' {...roleAttrs('group')} aria-label='长辈模式'>
        <View className='grid__cell'>
          <BigButton label='打开' sublabel='大字' variant='choice' selected={on} onTap={() => setElderMode(true)} testId='elder-on' />
        </View>
        <View className='grid__cell'>
          <BigButton label='关闭' sublabel='标准字' variant='choice' selected={!on} onTap={() => setElderMode(false)} testId='elder-off' />
        </View>
      </View>
    </View>
  );
});

/** 我的消息, with how many are unread (in words: never a red dot alone). */
const MessagesEntry = observer(() => {
  const { unread } = stores.messages;
  const sub = unread > 0 ? `有 ${unread} 条没看过` : '预约的每一步都会告诉您';
  return <BigButton label='我的消息' sublabel={sub} variant='secondary' onTap={() => void nav.go(ROUTES.messages)} testId='go-messages' />;
});

const MePage = observer(() => {
  const { session, preferences, messages } = stores;
  const ready = useSessionGate('customer');
  useShowLoad(ready, () => {
    void preferences.load();
    void messages.refreshUnread();
  });
  if (!ready) return <GateFallback />;
  return (
    <PageShell>
      <Heading>我的</Heading>
      <Text className='text'>{session.user?.name}，您好</Text>
      <MessagesEntry />
      <ElderModeSwitch />
      <PreferencesSection />
      <Heading level={2}>家人和帮助</Heading>
      {FAMILY_ROUTE ? <BigButton label='家人' sublabel='请家人帮您预约，或管理授权' variant='secondary' onTap={() => void nav.go(FAMILY_ROUTE)} testId='go-family' /> : null}
      <BigButton label='我的预约' sublabel='看全部预约和进度' variant='secondary' onTap={() => void nav.go(ROUTES.visits)} />
      <HotlineButton onCall={callPhone} />
      <SignOutButton />
    </PageShell>
  );
});

export default MePage;
