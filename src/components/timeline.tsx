import { Text, View } from '@tarojs/components';
import { formatEventTime } from '@domain/time';
import type { TimelineEntry } from '@domain/schemas';

/**
 * What happened to a visit, newest first, in the server's plain Chinese. Events are appended in
 * order, so several in the same instant keep the server's order (later index = newer).
 */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const sorted = entries
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => b.t - a.t || b.i - a.i)
    .map((x) => x.e);
  return (
    <View className='timeline' role='list' ariaRole='list'>
      {sorted.map((e, i) => (
        <View key={e.id} className={`timeline__item ${i === 0 ? 'timeline__item--latest' : ''}`} role='listitem' ariaRole='listitem'>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='text timeline__text'>{e.text}</Text>
            <Text className='text muted'>{formatEventTime(e.at)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
