import { Text, View } from '@tarojs/components';
import { formatEventTime } from '@domain/time';
import type { TimelineEntry } from '@domain/schemas';

/** What happened to a visit, newest first, in the server's plain Chinese. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const sorted = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
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
