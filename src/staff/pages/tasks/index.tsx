import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { StaffTaskCard } from '@domain/schemas-staff';
import { BigButton, Heading, Loading, Notice, PageShell } from '@/components';
import { useLiveNews } from '@/hooks/use-follow';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { GateFallback } from '@/parts/gate-fallback';
import { SignOutButton } from '@/parts/sign-out-button';
import { stores } from '@/wiring';
import { OutboxBanner } from '../../parts/outbox-banner';
import { OfferCard, VisitTaskCard } from '../../parts/task-card';
import '../../parts/staff.scss';

function Section({ title, tasks, empty }: { title: string; tasks: StaffTaskCard[]; empty: string }) {
  return (
    <View>
      <Heading level={2}>{title}</Heading>
      {tasks.length ? tasks.map((t) => <VisitTaskCard key={t.id} task={t} />) : <Text className='text muted'>{empty}</Text>}
    </View>
  );
}

/** Refusals of tasks no longer on the board (an offer that went to someone else meanwhile). */
const OtherRefusals = observer(() => {
  const { board, outbox } = stores.staff;
  const shown = new Set([...board.offers, ...board.today, ...board.upcoming].map((t) => t.id));
  const others = Object.entries(outbox.refusals).filter(([id]) => !shown.has(id));
  return (
    <View>
      {others.map(([id, r]) => (
        <Notice key={id} tone='error' title={`“${r.label}”没有成功`} text={r.message}>
          <BigButton label='知道了' variant='secondary' onTap={() => outbox.dismissRefusal(id)} />
        </Notice>
      ))}
    </View>
  );
});

/** 我的消息: every change to their visits and the reminders, with how many are unread (in words). */
const MessagesEntry = observer(() => {
  const { unread } = stores.messages;
  const sub = unread > 0 ? `有 ${unread} 条没看过` : '派单、改约、取消和提醒都在这里';
  return <BigButton label='我的消息' sublabel={sub} variant='secondary' onTap={() => void nav.go(ROUTES.messages)} testId='go-messages' />;
});

/** The staff start page: new offers (answer them first), then today, then later. */
const TasksPage = observer(() => {
  const { session } = stores;
  const { board } = stores.staff;
  const ready = useSessionGate('staff');
  useShowLoad(ready, () => {
    void board.load();
    void stores.messages.refreshUnread();
  });
  usePullRefresh(() => board.load());
  // A new offer, a cancellation or a reassignment shows up without pulling down.
  useLiveNews(() => void board.load(), { atMostEveryMs: 2_000 });
  if (!ready) return <GateFallback />;

  return (
    <PageShell>
      <Heading>{session.user?.name}，您好</Heading>
      {session.user?.staffNo ? <Text className='text muted'>工号 {session.user.staffNo}</Text> : null}
      <Text className='text'>分配给您的任务都在这里：新任务在最上面，请先答复。</Text>
      <OutboxBanner />
      {board.board ? <OtherRefusals /> : null}
      {board.state === 'loading' && !board.board ? <Loading text='正在查看任务…' /> : null}
      {board.state === 'error' ? (
        <Notice tone='error' title={board.board ? '没有刷新成功，下面是之前的任务' : '任务没有加载出来'} text={board.error ?? undefined}>
          <BigButton label='重试' onTap={() => void board.load()} />
        </Notice>
      ) : null}
      {board.offers.length ? (
        <View>
          <Heading level={2}>新任务，请答复（{board.offers.length}）</Heading>
          {board.offers.map((t) => (
            <OfferCard key={t.id} task={t} />
          ))}
        </View>
      ) : null}
      {board.board ? <Section title='今天' tasks={board.today} empty='今天没有上门任务。' /> : null}
      {board.board ? <Section title='以后' tasks={board.upcoming} empty='以后的任务确认后会出现在这里。' /> : null}
      <BigButton label='刷新' variant='secondary' busy={board.state === 'loading'} busyLabel='正在刷新…' onTap={() => void board.load()} />
      <MessagesEntry />
      <BigButton label='我的工作时间和请假' variant='secondary' onTap={() => void nav.go(ROUTES.staffAvailability)} />
      <SignOutButton />
    </PageShell>
  );
});

export default TasksPage;
