import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { formatEventTime } from '@domain/time';
import { usePageParams } from '@/hooks/use-page-params';
import { BigButton, Heading, HotlineButton, Loading, Notice, PageShell } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { stores } from '@/wiring';
import '../../parts/staff.scss';

/** What to do about each refusal, beyond the server's message. */
const NEXT_STEP: Record<string, string> = {
  STAFF_INVITE_USED: '如果是您自己用过，直接回到首页登录即可。',
  WECHAT_ALREADY_BOUND: '请换成工作用的微信再打开这个邀请。',
};

/** Joining as a staff member: opens without signing in; one tap makes this phone the staff member's. */
const JoinPage = observer(() => {
  const { session } = stores;
  const { join } = stores.staff;
  const params = usePageParams();
  const token = params?.token ?? '';
  useEffect(() => {
    if (session.status === 'unknown') void session.restore();
  }, [session, session.status]);
  useEffect(() => {
    if (token) void join.open(token);
  }, [token, join]);

  const onJoin = async () => {
    if (await join.join()) void nav.relaunch(ROUTES.staffTasks);
  };
  const p = join.preview;
  return (
    <PageShell>
      <Heading>加入安心上门</Heading>
      {params && !token ? <Notice tone='error' title='这个邀请打不开' text='链接不完整。请联系调度员重新发一次邀请。' /> : null}
      {!params || (token && join.state === 'loading') ? <Loading text='正在打开邀请…' /> : null}
      {join.state === 'error' && !p ? <Notice tone='error' title='这个邀请打不开' text={`${join.error ?? ''}${NEXT_STEP[join.errorCode ?? ''] ?? ''}`} testId='join-error' /> : null}
      {p ? (
        <View>
          <View className='card'>
            <Text className='text'>调度员邀请您作为服务人员加入：</Text>
            <Text className='big'>{p.name}</Text>
            <Text className='text'>工号：{p.staffNo}</Text>
            <Text className='text muted'>邀请在 {formatEventTime(p.expiresAt)} 以前有效。</Text>
          </View>
          <Text className='text'>加入以后，这部手机就能收到分配给您的上门任务。请用工作用的微信打开。</Text>
          {join.error ? <Notice tone='error' title='没有加入成功' text={`${join.error}${NEXT_STEP[join.errorCode ?? ''] ?? ''}`} testId='join-error' /> : null}
          <BigButton label='加入' sublabel={`我是${p.name}，工号 ${p.staffNo}`} busy={join.joining} busyLabel='正在加入…' onTap={() => void onJoin()} />
        </View>
      ) : null}
      <BigButton label='回到首页' variant='quiet' onTap={() => void nav.relaunch(ROUTES.login)} />
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default JoinPage;
