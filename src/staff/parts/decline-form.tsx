import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { DECLINE_REASONS } from '@domain/visit-record';
import type { StaffTaskCard } from '@domain/schemas-staff';
import { BigButton, TextField } from '@/components';
import { stores } from '@/wiring';

/** 婉拒: a reason by tap (the dispatcher sees it, the customer never does), an optional note. */
export const DeclineForm = observer(({ task, onDeclined }: { task: StaffTaskCard; onDeclined?: () => void }) => {
  const { board } = stores.staff;
  return (
    <View className='section' data-testid='decline-form'>
      <Text className='field-label'>为什么不能接？（点一个）</Text>
      <View className='choices'>
        {DECLINE_REASONS.map((r) => (
          <BigButton key={r} label={r} variant='choice' selected={board.declineReason === r} onTap={() => board.chooseDeclineReason(r)} />
        ))}
      </View>
      <TextField label='补充说明（可以不填）' spokenName='婉拒的补充说明，可以不填' value={board.declineNote} onChange={board.setDeclineNote} maxLength={100} />
      <BigButton label='确认婉拒' variant='danger' disabled={!board.declineReason} onTap={() => board.decline(task) && onDeclined?.()} />
      <BigButton label='不婉拒了' variant='quiet' onTap={() => board.openDecline(null)} />
    </View>
  );
});
