import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { DemoUser } from '@domain/schemas';
import { BigButton, HotlineButton, Loading, Notice, PageShell } from '@/components';
import { homeRouteFor } from '@/hooks/use-session-gate';
import { IS_WEAPP } from '@/platform/env';
import { nav } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { stores } from '@/wiring';
import './index.scss';

const GROUPS: Array<{ role: DemoUser['role']; title: string }> = [
  { role: 'customer', title: '长辈 / 家属' },
  { role: 'staff', title: '服务人员' },
  { role: 'dispatcher', title: '调度员' },
];

function DemoUsers({ users, busy, onPick }: { users: DemoUser[]; busy: boolean; onPick: (id: string) => void }) {
  return (
    <View>
      <Text className='text'>请点一下您的名字登录（体验账号）：</Text>
      {GROUPS.map((g) => {
        const list = users.filter((u) => u.role === g.role);
        if (!list.length) return null;
        return (
          <View key={g.role} className='section'>
            <Text className='h2'>{g.title}</Text>
            {list.map((u) => (
              <BigButton key={u.id} label={u.name} sublabel={u.description} variant='choice' disabled={busy} onTap={() => onPick(u.id)} />
            ))}
          </View>
        );
      })}
    </View>
  );
}

const LoginPage = observer(() => {
  const { session } = stores;

  // The one place that leaves this page once signed in (a second relaunch from the tap could
  // land after the person, or a link, had already moved on, and take them back to the start).
  useEffect(() => {
    if (session.status === 'signedIn') void nav.relaunch(homeRouteFor(session.user?.role));
  }, [session.status, session.user]);

  useEffect(() => {
    if (session.demoState === 'idle') void session.loadDemoUsers();
  }, [session]);

  const showWechat = IS_WEAPP || session.demoState === 'disabled';

  return (
    <PageShell className='login'>
      <Text className='h1'>欢迎使用安心上门</Text>
      <Text className='text login__intro'>预约工作人员上门办理赔，随时看到谁来、什么时候来。</Text>

      {session.status === 'restoring' ? <Loading text='正在为您登录…' /> : null}
      {session.error ? <Notice tone='error' text={session.error} testId='login-error' /> : null}

      {session.demoState === 'loading' ? <Loading text='正在准备登录…' /> : null}
      {session.demoState === 'ready' ? <DemoUsers users={session.demoUsers} busy={session.signingIn} onPick={(id) => void session.signInAs(id)} /> : null}
      {session.demoState === 'error' ? (
        <Notice tone='error' title='暂时连不上服务' text={session.demoError ?? undefined} testId='demo-error'>
          <BigButton label='重试' onTap={() => void session.loadDemoUsers()} />
        </Notice>
      ) : null}
      {session.demoState === 'disabled' && !IS_WEAPP ? (
        <Notice tone='info' title='需要用微信登录' text='请在微信里打开“安心上门”小程序，点“微信一键登录”。' />
      ) : null}

      {showWechat ? (
        <View className='section login__wechat'>
          <BigButton
            label='微信一键登录'
            sublabel='用您的微信身份登录，不用输入密码'
            busy={session.signingIn}
            busyLabel='正在登录…'
            onTap={() => void session.signInWithWechat()}
          />
        </View>
      ) : null}

      <View className='login__help'>
        <Text className='text'>登录遇到问题？可以打电话，我们帮您办。</Text>
        <HotlineButton onCall={callPhone} />
      </View>
    </PageShell>
  );
});

export default LoginPage;
