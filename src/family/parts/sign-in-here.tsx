import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { BigButton, Loading, Notice } from '@/components';
import { IS_WEAPP } from '@/platform/env';
import { stores } from '@/wiring';

/**
 * Sign-in without leaving the page: an elder who opens an invitation while signed out stays on
 * it, so the link (and its token) is not lost on the way through the login page.
 */
export const SignInHere = observer(({ why }: { why: string }) => {
  const { session } = stores;
  const wechat = IS_WEAPP || session.demoState === 'disabled';
  useEffect(() => {
    if (!IS_WEAPP && session.demoState === 'idle') void session.loadDemoUsers();
  }, [session]);
  const customers = session.demoUsers.filter((u) => u.role === 'customer');

  return (
    <View>
      <Notice tone='info' title='请先登录' text={why} />
      {session.error ? <Notice tone='error' text={session.error} /> : null}
      {wechat ? (
        <BigButton
          label='微信一键登录'
          sublabel='用您的微信身份登录，不用输入密码'
          busy={session.signingIn}
          busyLabel='正在登录…'
          onTap={() => void session.signInWithWechat()}
        />
      ) : null}
      {!wechat && session.demoState === 'loading' ? <Loading text='正在准备登录…' /> : null}
      {!wechat && session.demoState === 'error' ? (
        <Notice tone='error' title='暂时连不上服务' text={session.demoError ?? undefined}>
          <BigButton label='重试' onTap={() => void session.loadDemoUsers()} />
        </Notice>
      ) : null}
      {!wechat && session.demoState === 'ready' ? (
        <View className='section'>
          <Text className='text'>请点一下您的名字登录（体验账号）：</Text>
          {customers.map((u) => (
            <BigButton key={u.id} label={u.name} sublabel={u.description} variant='choice' disabled={session.signingIn} onTap={() => void session.signInAs(u.id)} />
          ))}
        </View>
      ) : null}
    </View>
  );
});
