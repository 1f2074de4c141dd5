import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { FollowedElder } from '@domain/schemas-family';
import { BigButton, EmptyState, HotlineButton, Loading, Notice, PageShell } from '@/components';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { FollowedElderCard } from '../../parts/followed-elder-card';
import { FollowerCard } from '../../parts/follower-card';
import { SentInvitations } from '../../parts/sent-invitations';
import '../../parts/family.scss';

const openLink = (id: string) => void nav.go(ROUTES.familyLink, { id });
const openVisit = (id: string) => void nav.go(ROUTES.visit, { id });

/** Straight into the claim booking for this parent: whom it is for is already known. */
function bookFor(item: FollowedElder): void {
  const { session, draft } = stores;
  if (!session.user) return;
  draft.start(session.user);
  draft.chooseElder(item.elder);
  void nav.go(ROUTES.bookType);
}

const FamilyPage = observer(() => {
  const { family } = stores;
  const ready = useSessionGate('customer');
  useShowLoad(ready, () => void family.load());
  usePullRefresh(() => family.load());
  if (!ready) return <GateFallback />;
  const loading = family.state === 'loading';
  const nothing = family.state === 'ready' && !family.following.length && !family.followers.length;

  return (
    <PageShell>
      <Text className='h1'>我的家人</Text>
      {loading && !family.overview ? <Loading text='正在查看您的家人…' /> : null}
      {family.state === 'error' ? (
        <Notice tone='error' title='家人信息没有加载出来' text={family.error ?? undefined}>
          <BigButton label='重试' onTap={() => void family.load()} />
        </Notice>
      ) : null}
      {nothing ? (
        <EmptyState
          title='还没有关联的家人'
          hint='点下面的“邀请长辈”，把邀请发给长辈。长辈在自己的手机上点“同意”以后，您就能为他（她）预约上门。'
        />
      ) : null}
      {family.following.length ? (
        <View>
          <Text className='h2'>我关注的长辈（{family.following.length}）</Text>
          {family.following.map((f) => (
            <FollowedElderCard key={f.linkId} item={f} onBook={bookFor} onOpenVisit={openVisit} onOpenLink={openLink} />
          ))}
        </View>
      ) : null}
      {family.followers.length ? (
        <View>
          <Text className='h2'>可以帮我预约的家人（{family.followers.length}）</Text>
          {family.followers.map((m) => (
            <FollowerCard key={m.linkId} item={m} onOpen={openLink} />
          ))}
        </View>
      ) : null}
      <SentInvitations items={family.invitations} />
      <BigButton label='邀请长辈' sublabel='长辈同意后，您就能帮他（她）预约' onTap={() => void nav.go(ROUTES.familyInvite)} />
      {family.overview ? <BigButton label='刷新' variant='secondary' busy={loading} busyLabel='正在刷新…' onTap={() => void family.load()} /> : null}
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default FamilyPage;
