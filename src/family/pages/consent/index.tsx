import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { relationWord } from '@domain/family';
import { usePageParams } from '@/hooks/use-page-params';
import { BigButton, HotlineButton, Loading, Notice, PageShell } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { stores } from '@/wiring';
import { Permissions } from '../../parts/permissions';
import { SignInHere } from '../../parts/sign-in-here';
import '../../parts/family.scss';

const goHome = () => void nav.relaunch(ROUTES.home);

/** After the answer: what it means now, and where to go next. */
const Answered = observer(() => {
  const { family } = stores;
  const name = family.preview?.inviter.name ?? family.consented?.member.name ?? '您的家人';
  if (family.answer === 'declined') {
    return (
      <Notice tone='info' title='您没有同意' text={`${name}不能为您预约。以后如果想同意，请让他（她）再发一次邀请。`} testId='consent-declined'>
        <BigButton label='回到首页' onTap={goHome} />
      </Notice>
    );
  }
  return (
    <Notice
      tone='success'
      title='您已同意'
      text={`${name}现在可以为您预约上门、查看进度，也会收到和您一样的通知。您随时可以在“我的家人”里取消。`}
      testId='consent-done'
    >
      <BigButton label='查看我的家人' onTap={() => void nav.replace(ROUTES.family)} />
      <BigButton label='回到首页' variant='secondary' onTap={goHome} />
    </Notice>
  );
});

/** Who asks, as what, and what they will be able to do; then one tap. */
const Question = observer(() => {
  const { family } = stores;
  const p = family.preview;
  if (!p) return null;
  const busy = family.answering;
  return (
    <View>
      <View className='card'>
        <Text className='family-card__name'>{p.inviter.name}</Text>
        <Text className='text'>说他（她）是您的{relationWord(p.relation)}，想在“安心上门”里帮您办事。</Text>
      </View>
      <Permissions lead='您同意以后，他（她）可以：' />
      <Text className='text muted'>您随时可以取消。取消以后，他（她）马上就看不到您的预约了。</Text>
      {family.answerError ? <Notice tone='error' text={family.answerError} testId='consent-error' /> : null}
      <BigButton label='同意' sublabel={`让${p.inviter.name}帮我预约`} busy={busy} busyLabel='正在提交…' onTap={() => void family.consent()} testId='consent-yes' />
      <BigButton label='不同意' variant='secondary' disabled={busy} onTap={() => void family.decline()} testId='consent-no' />
    </View>
  );
});

const ConsentPage = observer(() => {
  const { session, family } = stores;
  const params = usePageParams();
  const token = params?.token ?? '';
  const signedIn = session.status === 'signedIn';
  useEffect(() => {
    if (session.status === 'unknown') void session.restore();
  }, [session, session.status]);
  useEffect(() => {
    if (signedIn && token) void family.openInvitation(token);
  }, [signedIn, token, family, session.user?.id]);

  let body;
  if (!params) body = <Loading text='正在打开…' />;
  else if (!token) body = <Notice tone='error' title='这个邀请打不开' text='链接不完整。请让家人重新发一次邀请。' />;
  else if (session.status === 'signedOut') body = <SignInHere why='登录以后，就能看到是哪位家人在邀请您。' />;
  else if (!signedIn) body = <Loading text='正在打开…' />;
  else if (family.answer) body = <Answered />;
  else if (family.previewState === 'error' || (family.previewState === 'ready' && !family.preview)) {
    body = (
      <Notice tone='error' title='这个邀请打不开' text={family.previewError ?? family.answerError ?? undefined} testId='consent-error'>
        <BigButton label='回到首页' onTap={goHome} />
      </Notice>
    );
  } else if (family.preview) body = <Question />;
  else body = <Loading text='正在打开邀请…' />;

  return (
    <PageShell>
      <Text className='h1'>家人邀请</Text>
      {body}
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default ConsentPage;
