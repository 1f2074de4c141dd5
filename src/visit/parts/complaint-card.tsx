import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@domain/schemas-feedback';
import { formatEventTime } from '@domain/time';
import { roleAttrs } from '@/components';

const STEPS = ['received', 'in_progress', 'answered'] as const;
const STEP_WORDS = { received: '已收到', in_progress: '处理中', answered: '已答复' } as const;

/** One complaint: what it was about, the promise with its deadline, and where it stands. */
export function ComplaintCard({ c }: { c: ComplaintView }) {
  const reached = STEPS.indexOf(c.status);
  return (
    <View className='card complaint' data-testid='complaint'>
      <Text className='text strong'>
        {c.urgent ? '加急投诉' : '投诉'}：{c.categoryLabel}
      </Text>
      {c.text ? <Text className='text'>您说：{c.text}</Text> : null}
      <Text className='text muted'>提交时间：{formatEventTime(c.createdAt)}</Text>
      <Text className='text'>{c.promise}</Text>
      <View className='complaint__steps' {...roleAttrs('list')} aria-label={`处理进度：${c.statusLabel}`}>
        {STEPS.map((s, i) => (
          <Text key={s} {...roleAttrs('listitem')} className={`complaint__step ${i <= reached ? 'complaint__step--done' : ''}`}>
            {i <= reached ? '✓ ' : '○ '}
            {STEP_WORDS[s]}
          </Text>
        ))}
      </View>
      <Text className='text strong' data-testid='complaint-state'>
        现在：{c.statusLabel}
      </Text>
      {c.answer ? <Text className='text'>答复：{c.answer}</Text> : null}
    </View>
  );
}
