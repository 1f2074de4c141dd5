import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { relationWord } from '@domain/family';
import { formatChinaDay } from '@domain/time';
import { BigButton, EmptyState, HotlineButton, Loading, Notice, PageShell } from '@/components';
import { usePageParams } from '@/hooks/use-page-params';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { confirmDialog } from '@/platform/dialog';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { Permissions } from '../../parts/permissions';
import '../../parts/family.scss';

const backToFamily = () => void nav.replace(ROUTES.family);

/** What the two sides read, and what ending the link means for each. */
function wording(kind: 'following' | 'follower', other: string, relation: string | null) {
  if (kind === 'follower') {
    return {
      title: `${other}（您的${relationWord(relation)}）`,
      lead: '您同意了，他（她）现在可以：',
      action: '取消授权',
      ask: `取消以后，${other}马上就不能再为您预约，也看不到您的预约了。确定取消吗？`,
      done: `已取消授权。${other}不能再为您预约，也看不到您的预约了。`,
    };
  }
  return {
    title: other,
    lead: `您是${other}的${relationWord(relation)}。${other}同意了，您现在可以：`,
    action: '不再帮TA预约',
    ask: `取消以后，您就不能再为${other}预约，也看不到${other}的预约了。要再关联，需要重新邀请。确定取消吗？`,
    done: `已取消。您不能再为${other}预约了；要再关联，请重新邀请。`,
  };
}

const LinkPage = observer(() => {
  const { family } = stores;
  const params = usePageParams();
  const ready = useSessionGate('customer') && params !== null;
  const id = params?.id ?? '';
  const [ended, setEnded] = useState<string | null>(null);
  useShowLoad(ready, () => void family.load());
  if (!ready) return <GateFallback />;

  if (ended) {
    return (
      <PageShell>
        <Notice tone='success' title='已取消' text={ended} testId='link-ended' />
        <BigButton label='回到我的家人' onTap={backToFamily} />
      </PageShell>
    );
  }
  const found = family.linkById(id);
  if (!found) {
    return (
      <PageShell>
        {family.state === 'loading' ? <Loading text='正在打开…' /> : null}
        {family.state === 'error' ? (
          <Notice tone='error' title='没有加载出来' text={family.error ?? undefined}>
            <BigButton label='重试' onTap={() => void family.load()} />
          </Notice>
        ) : null}
        {family.state === 'ready' ? <EmptyState title='这个关联已经取消了' hint='回到“我的家人”，看看现在关联的家人。' actionLabel='回到我的家人' onAction={backToFamily} /> : null}
      </PageShell>
    );
  }

  const other = found.kind === 'follower' ? found.link.member.name : found.link.elder.name;
  const words = wording(found.kind, other, found.link.relation);
  const revoke = async () => {
    const yes = await confirmDialog({ title: words.action, content: words.ask, confirmText: '确定取消', cancelText: '先不取消' });
    if (yes && (await family.revoke(found.link.linkId))) setEnded(words.done);
  };

  return (
    <PageShell>
      <Text className='h1'>{words.title}</Text>
      <View className='card'>
        <Permissions lead={words.lead} />
        <Text className='text muted'>{formatChinaDay(found.link.consentedAt)}同意</Text>
      </View>
      {family.revokeError ? <Notice tone='error' text={family.revokeError} /> : null}
      <BigButton label={words.action} variant='danger' busy={family.revoking === found.link.linkId} busyLabel='正在取消…' onTap={() => void revoke()} />
      <BigButton label='回到我的家人' variant='secondary' onTap={backToFamily} />
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default LinkPage;
