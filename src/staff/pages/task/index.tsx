import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, Loading, Notice, PageShell } from '@/components';
import { useLiveNews } from '@/hooks/use-follow';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { usePageParams } from '@/hooks/use-page-params';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { CustomerPhotos } from '../../parts/customer-photos';
import { OutboxBanner } from '../../parts/outbox-banner';
import { RefusalNotice } from '../../parts/refusal-notice';
import { TaskDay } from '../../parts/task-day';
import { TaskFacts } from '../../parts/task-facts';
import '../../parts/staff.scss';

/** One task on the day: what to know, then each step as the server allows it. */
const TaskPage = observer(() => {
  const { task } = stores.staff;
  const params = usePageParams();
  const ready = useSessionGate('staff') && params !== null;
  const id = params?.id ?? '';
  useShowLoad(ready, () => void (id && task.open(id)));
  usePullRefresh(() => task.load());
  // Someone else changed this visit (the customer cancelled or moved it, a dispatcher stepped in).
  // The staff member's own record writes are pushed too, with the same version: no reload for those.
  useLiveNews((n) => {
    const mine = task.task;
    if (n.type === 'catch-up' || (n.type === 'visit' && mine && n.bookingId === mine.id && n.version !== mine.version)) void task.load();
  });
  if (!ready) return <GateFallback />;

  const t = task.id === id ? task.task : null;
  return (
    <PageShell>
      {!id ? <Notice tone='error' text='没有找到这个任务，请回到任务列表再打开。' /> : null}
      <OutboxBanner taskId={id} />
      <RefusalNotice />
      {!t && task.state === 'loading' ? <Loading text='正在打开任务…' /> : null}
      {task.state === 'error' ? (
        <Notice tone={t ? 'warning' : 'error'} title={t ? '没有刷新成功，下面是之前的信息' : '任务没有加载出来'} text={task.error ?? undefined} />
      ) : null}
      {t ? (
        <View>
          <View className='card' data-testid='task-status'>
            <TaskFacts task={t} />
          </View>
          <CustomerPhotos />
          <TaskDay />
        </View>
      ) : null}
      {id ? <BigButton label='刷新' variant='secondary' busy={task.state === 'loading'} busyLabel='正在刷新…' onTap={() => void task.load()} /> : null}
      <BigButton label='回到任务列表' variant='quiet' onTap={() => void nav.back(ROUTES.staffTasks)} />
      <Text className='text muted'>没有信号时点的操作会先记在手机上，联网后按顺序自动发送。</Text>
    </PageShell>
  );
});

export default TaskPage;
