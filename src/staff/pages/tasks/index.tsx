import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { CLAIM_TYPE_INFO, SERVICE_LABELS } from '@domain/services';
import { formatVisitWindow } from '@domain/time';
import type { StaffTask } from '@domain/schemas';
import { BigButton, EmptyState, Loading, Notice, PageShell, StatusBadge } from '@/components';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { GateFallback } from '@/parts/gate-fallback';
import { SignOutButton } from '@/parts/sign-out-button';
import { stores } from '@/wiring';
import './index.scss';

const TaskCard = observer(({ task }: { task: StaffTask }) => {
  const { staff } = stores;
  const service = SERVICE_LABELS[task.serviceType];
  const type = task.claimType ? ` · ${CLAIM_TYPE_INFO[task.claimType].label}` : '';
  const error = staff.taskErrors[task.id];
  return (
    <View className='card task' data-testid={`task-${task.id}`}>
      <StatusBadge status={task.status} label={task.statusLabel} />
      <Text className='big task__when'>{formatVisitWindow(task.slotStart, task.slotEnd)}</Text>
      <Text className='text strong'>
        {service}
        {type}
      </Text>
      <Text className='text'>客户：{task.customerName}</Text>
      <Text className='text'>
        地址：{task.address.district} {task.address.text}（{task.address.label}）
      </Text>
      {task.note ? <Text className='text'>留言：{task.note}</Text> : null}
      {error ? <Notice tone='error' text={error} /> : null}
      {staff.canConfirm(task) ? (
        <BigButton
          label='确认接单'
          spokenName={`确认接单：${formatVisitWindow(task.slotStart, task.slotEnd)}，${task.customerName}`}
          busy={staff.isConfirming(task.id)}
          busyLabel='正在确认…'
          onTap={() => void staff.confirm(task.id)}
          className='task__confirm'
        />
      ) : null}
    </View>
  );
});

const TasksPage = observer(() => {
  const { staff, session } = stores;
  const ready = useSessionGate('staff');
  useShowLoad(ready, () => void staff.load());
  usePullRefresh(() => staff.load());
  if (!ready) return <GateFallback />;

  return (
    <PageShell>
      <Text className='h1'>{session.user?.name}，您好</Text>
      {session.user?.staffNo ? <Text className='text muted'>工号 {session.user.staffNo}</Text> : null}
      <Text className='h2'>分配给您的任务</Text>
      {staff.state === 'loading' && !staff.tasks.length ? <Loading text='正在查看任务…' /> : null}
      {staff.state === 'error' ? (
        <Notice tone='error' title='任务没有加载出来' text={staff.error ?? undefined}>
          <BigButton label='重试' onTap={() => void staff.load()} />
        </Notice>
      ) : null}
      {staff.state === 'ready' && !staff.tasks.length ? (
        <EmptyState title='现在没有分配给您的任务' hint='有新任务时会出现在这里。下拉页面或点“刷新”可以再看一次。' />
      ) : null}
      {staff.tasks.map((t) => (
        <TaskCard key={t.id} task={t} />
      ))}
      <BigButton label='刷新' variant='secondary' busy={staff.state === 'loading'} busyLabel='正在刷新…' onTap={() => void staff.load()} />
      <SignOutButton />
    </PageShell>
  );
});

export default TasksPage;
