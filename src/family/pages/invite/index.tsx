import { Button, Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { FAMILY_RELATIONS, INVITATION_TTL_DAYS, RELATION_LABELS } from '@domain/family';
import { BigButton, HotlineButton, Notice, PageShell, a11y } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { IS_WEAPP } from '@/platform/env';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { copyText, shareLinkFor } from '@/platform/share';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import '../../parts/family.scss';

/** The ready invitation: a WeChat share card, or in the browser a link to copy. */
const ShareInvitation = observer(() => {
  const { family } = stores;
  const [copied, setCopied] = useState<boolean | null>(null);
  const invitation = family.invitation;
  if (!invitation) return null;
  const link = shareLinkFor(invitation.sharePath);
  return (
    <Notice tone='success' title='邀请已准备好' text={`请发给长辈。长辈在自己的手机上打开，点“同意”就好。${INVITATION_TTL_DAYS} 天内有效，只能用一次。`} testId='invite-ready'>
      {IS_WEAPP ? (
        <Button className='family-share' openType='share' {...a11y('发给长辈（微信）')}>
          发给长辈（微信）
        </Button>
      ) : null}
      {link ? (
        <View>
          <Text className='text strong'>邀请链接：</Text>
          <Text className='family-link' data-testid='invite-link' userSelect>
            {link}
          </Text>
          <BigButton label='复制链接' sublabel='复制后，粘贴到微信发给长辈' onTap={() => void copyText(link).then(setCopied)} />
          {copied === true ? <Text className='text strong'>✓ 已复制，可以去微信里粘贴了。</Text> : null}
          {copied === false ? <Text className='text strong'>没有复制成功，请长按上面的链接，选择“复制”。</Text> : null}
        </View>
      ) : null}
    </Notice>
  );
});

const InvitePage = observer(() => {
  const { session, family } = stores;
  const ready = useSessionGate('customer');
  // The share card carries the invitation's own path and token; nothing to share before there is one.
  useShareAppMessage(() => {
    const inv = family.invitation;
    if (!inv) return { title: '安心上门：帮长辈预约上门服务', path: ROUTES.home };
    return { title: `${session.user?.name ?? '您的家人'}请您同意：由他（她）帮您预约上门服务`, path: inv.sharePath };
  });
  useEffect(() => family.startInvitation(), [family]);
  if (!ready) return <GateFallback />;

  const choose = (relation: (typeof FAMILY_RELATIONS)[number]) => {
    family.chooseRelation(relation);
    void family.createInvitation();
  };

  return (
    <PageShell>
      <Text className='h1'>邀请长辈</Text>
      <Text className='text'>长辈同意以后，您就能为他（她）预约上门、查看进度。</Text>
      <Text className='h2'>您是长辈的什么人？</Text>
      {FAMILY_RELATIONS.map((r) => (
        <BigButton key={r} label={RELATION_LABELS[r]} variant='choice' selected={family.relation === r} disabled={family.inviting} onTap={() => choose(r)} />
      ))}
      {family.inviting ? <Text className='text'>正在准备邀请…</Text> : null}
      {family.inviteError ? (
        <Notice tone='error' title='邀请没有准备好' text={family.inviteError}>
          <BigButton label='重试' onTap={() => void family.createInvitation()} />
        </Notice>
      ) : null}
      <ShareInvitation />
      <BigButton label='回到我的家人' variant='secondary' onTap={() => void nav.back(ROUTES.family)} />
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default InvitePage;
