import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatChinaDay } from '@domain/time';
import { chinaInstant } from '@domain/time';
import { BigButton, Heading } from '@/components';
import { LEAVE_LENGTHS, LEAVE_REASONS } from '@/stores/staff-availability-store';
import { stores } from '@/wiring';

const dayLabel = (date: string) => formatChinaDay(chinaInstant(date, '12:00'));
/** The last day of a leave, as people say it (the leave ends at the start of the next day). */
const lastDay = (to: string) => formatChinaDay(new Date(Date.parse(to) - 1));

/** Days off and leave: mine can be withdrawn before they start; the dispatcher's are shown only. */
export const LeaveSection = observer(() => {
  const { availability: a } = stores.staff;
  const leave = a.data?.leave ?? [];
  return (
    <View className='card'>
      <Heading level={2}>休假和请假</Heading>
      {leave.length ? null : <Text className='text muted'>现在没有安排休假。</Text>}
      {leave.map((l) => (
        <View key={l.id} className='section' data-testid={`leave-${l.id}`}>
          <Text className='text strong'>
            {formatChinaDay(l.from)} 到 {lastDay(l.to)}：{l.reason}
          </Text>
          {l.byDispatcher ? <Text className='text muted'>调度员安排的，如需改动请联系调度员</Text> : null}
          {l.canCancel && !l.byDispatcher ? (
            <BigButton label='撤回这次请假' variant='secondary' busy={a.saving === l.id} busyLabel='正在撤回…' onTap={() => void a.cancelLeave(l.id)} />
          ) : null}
        </View>
      ))}
      <Text className='field-label'>新请假：从哪天开始？</Text>
      <View className='choices'>
        {a.leaveStartChoices.map((d) => (
          <BigButton key={d} label={dayLabel(d)} variant='choice' selected={a.leaveStart === d} onTap={() => a.chooseLeaveStart(d)} />
        ))}
      </View>
      <Text className='field-label'>请几天？</Text>
      <View className='choices'>
        {LEAVE_LENGTHS.map((n) => (
          <BigButton key={n} label={`${n} 天`} variant='choice' selected={a.leaveDays === n} onTap={() => a.chooseLeaveDays(n)} />
        ))}
      </View>
      <Text className='field-label'>原因</Text>
      <View className='choices'>
        {LEAVE_REASONS.map((r) => (
          <BigButton key={r} label={r} variant='choice' selected={a.leaveReason === r} onTap={() => a.chooseLeaveReason(r)} />
        ))}
      </View>
      <BigButton label='提交请假' busy={a.saving === 'leave'} busyLabel='正在提交…' onTap={() => void a.addLeave()} />
    </View>
  );
});
