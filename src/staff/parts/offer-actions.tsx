import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatVisitWindow } from '@domain/time';
import type { StaffTaskCard } from '@domain/schemas-staff';
import { BigButton } from '@/components';
import { stores } from '@/wiring';
import { DeclineForm } from './decline-form';

/**
 * 确认接单 / 婉拒 for an offer, on the board and on the task page: only what the server allows.
 * `onDeclined`: where to go once declined (the task page leaves: the visit is no longer theirs).
 */
export const OfferActions = observer(({ task, onDeclined }: { task: StaffTaskCard; onDeclined?: () => void }) => {
  const { board } = stores.staff;
  const when = formatVisitWindow(task.slotStart, task.slotEnd);
  if (board.declining === task.id) return <DeclineForm task={task} onDeclined={onDeclined} />;
  return (
    <View className='task-card__actions'>
      {task.allowedActions.includes('confirm') ? (
        <BigButton label='确认接单' spokenName={`确认接单：${when}，${task.customerName}`} onTap={() => board.confirm(task)} />
      ) : null}
      {task.allowedActions.includes('decline') ? (
        <BigButton label='婉拒' spokenName={`婉拒：${when}，${task.customerName}`} variant='secondary' onTap={() => board.openDecline(task.id)} />
      ) : null}
    </View>
  );
});
