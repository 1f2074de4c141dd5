import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatChinaClock } from '@domain/time';
import { BigButton, Heading } from '@/components';
import { stores } from '@/wiring';

/** Escort visits: the steps of the day in order, each with the time it was done; only the next can be tapped. */
export const EscortMilestones = observer(() => {
  const { task, writes } = stores.staff;
  const milestones = task.record?.record.milestones ?? [];
  if (!milestones.length) return null;
  const next = milestones.find((m) => !m.doneAt);
  return (
    <View className='card'>
      <Heading level={2}>陪诊进度</Heading>
      {milestones.map((m, i) => (
        <View key={m.key} className='milestone' data-testid={`milestone-${m.key}`}>
          <Text className='text strong'>
            {m.doneAt ? '✓ ' : `${i + 1}. `}
            {m.label}
          </Text>
          {m.doneAt ? <Text className='text'>{formatChinaClock(m.doneAt)} 完成</Text> : null}
          {m === next ? <BigButton label='这一步完成了' spokenName={`${m.label}：完成了`} onTap={() => writes.setMilestone(m.key)} /> : null}
        </View>
      ))}
    </View>
  );
});
