import { Text, View } from '@tarojs/components';
import { formatVisitWindow } from '@domain/time';
import type { StaffTaskCard } from '@domain/schemas-staff';
import { StatusBadge } from '@/components';
import { needChips, serviceText, travelText } from './task-texts';

/** What every task card and the task page show first: when, what, where, who, and what to plan for. */
export function TaskFacts({ task }: { task: StaffTaskCard }) {
  const chips = needChips(task);
  const travel = travelText(task);
  return (
    <View className='stack'>
      <StatusBadge status={task.status} label={task.statusLabel} />
      <Text className='big task-card__when'>{formatVisitWindow(task.slotStart, task.slotEnd)}</Text>
      <Text className='text strong'>{serviceText(task)}</Text>
      <Text className='text'>客户：{task.customerName}</Text>
      {/* The full address only while the visit is theirs: afterwards the server sends the district alone. */}
      <Text className='text'>地址：{task.address.text ? `${task.address.district} ${task.address.text}（${task.address.label}）` : task.address.district}</Text>
      {travel ? <Text className='text'>{travel}</Text> : null}
      {chips.length ? (
        <View className='chips'>
          {chips.map((c) => (
            <Text key={c} className='chip'>
              {c}
            </Text>
          ))}
        </View>
      ) : null}
      {task.customerPhotoCount ? <Text className='text'>客户已拍了 {task.customerPhotoCount} 张材料照片</Text> : null}
      {task.note ? <Text className='text'>客户留言：{task.note}</Text> : null}
    </View>
  );
}
