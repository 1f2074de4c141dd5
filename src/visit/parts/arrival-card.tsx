import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { BookingView } from '@domain/schemas';
import { stores } from '@/wiring';
import { arrivalSentence, departedSentence, locationIsOld, oldLocationText, updatedText } from '../arrival-text';

/**
 * While the staff member travels: when they should arrive and how far they are, with how fresh
 * that is. An estimate only: no map, no coordinates, no countdown.
 */
export const ArrivalCard = observer(({ b }: { b: BookingView }) => {
  // Each check for news re-renders this, so "2 分钟前更新" stays true without a ticking timer.
  const checkedAt = stores.visits.follow.lastCheckAt ?? 0;
  if (b.status !== 'en_route') return null;
  const now = Math.max(Date.now(), checkedAt);
  const who = b.staff?.title ?? '服务人员';
  const eta = b.eta ?? null;
  return (
    <View className='card arrival' data-testid='arrival'>
      <Text className='text strong arrival__line' data-testid='arrival-line'>
        {eta ? arrivalSentence(eta, who, now) : departedSentence(who)}
      </Text>
      {eta ? (
        <Text className='text muted' data-testid='arrival-updated'>
          {updatedText(eta.updatedAt, now)}
        </Text>
      ) : null}
      {eta && locationIsOld(eta.updatedAt, now) ? (
        <Text className='text' data-testid='arrival-old'>
          {oldLocationText(who)}
        </Text>
      ) : null}
    </View>
  );
});
