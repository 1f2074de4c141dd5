import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { StaffTaskCard } from '@domain/schemas-staff';
import { a11y, BigButton, Notice } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { stores } from '@/wiring';
import { OfferActions } from './offer-actions';
import { TaskFacts } from './task-facts';
import { timeLeftText } from './task-texts';

const open = (id: string) => void nav.go(ROUTES.staffTask, { id });

/** A new offer: the time left to answer (counted when shown), then 确认接单 / 婉拒. */
export const OfferCard = observer(({ task }: { task: StaffTaskCard }) => {
  const { board } = stores.staff;
  const left = task.status === 'offered' ? timeLeftText(task.offerExpiresAt, board.checkedAt) : '';
  const refusal = board.refusalOf(task.id);
  return (
    <View className='card task-card' data-testid={`task-${task.id}`}>
      <TaskFacts task={task} />
      {left ? <Text className='text task-card__left'>{left}</Text> : null}
      {board.isWaiting(task.id) ? <Text className='text strong'>{stores.staff.outbox.retrying ? '已记下，联网后会自动发送' : '正在发送…'}</Text> : null}
      {refusal ? <Notice tone='error' text={refusal} /> : null}
      <OfferActions task={task} />
      <BigButton label='查看详情' variant='quiet' spokenName={`查看详情：${task.customerName}`} onTap={() => open(task.id)} />
    </View>
  );
});

/** A visit of today or later: the whole card opens the task page. */
export const VisitTaskCard = observer(({ task }: { task: StaffTaskCard }) => {
  const { board } = stores.staff;
  return (
    <View className='card task-card task-card--open' hoverClass='card--hover' onClick={() => open(task.id)} data-testid={`task-${task.id}`} {...a11y('')}>
      <TaskFacts task={task} />
      {board.isWaiting(task.id) ? <Text className='text strong'>有操作等待发送</Text> : null}
      <Text className='text task-card__more'>打开这个任务 ›</Text>
    </View>
  );
});
