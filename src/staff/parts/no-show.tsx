import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { NO_SHOW_REASONS } from '@domain/visit-record';
import { BigButton } from '@/components';
import { stores } from '@/wiring';

/** 客户不在家: a reason by tap, then one more tap to report it (it ends the visit). */
export const NoShow = observer(() => {
  const { task } = stores.staff;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  if (!task.can('no-show')) return null;
  if (!open) return <BigButton label='客户不在家' variant='quiet' onTap={() => setOpen(true)} />;
  return (
    <View className='card' data-testid='no-show'>
      <Text className='field-label'>没有见到客户的原因（点一个）：</Text>
      <View className='choices'>
        {NO_SHOW_REASONS.map((r) => (
          <BigButton key={r} label={r} variant='choice' selected={reason === r} onTap={() => setReason(r)} />
        ))}
      </View>
      <BigButton label='确认：客户不在家' variant='danger' disabled={!reason} onTap={() => reason && task.noShow(reason)} />
      <BigButton label='见到客户了，不报告' variant='quiet' onTap={() => setOpen(false)} />
    </View>
  );
});
