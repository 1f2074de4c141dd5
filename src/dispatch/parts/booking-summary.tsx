import { Text, View } from '@tarojs/components';
import { DEPARTMENT_LABELS } from '@domain/services';
import type { DispatchBooking } from '@domain/schemas-lifecycle';
import { Heading, StatusBadge, Timeline } from '@/components';
import { reasonSentence } from '@/components/staff-card';
import { staffLine, whatLine, whenLine, whereLine } from './booking-lines';

/** The booking as the customer sees it (service, time, district, status, who), then its history. */
export function BookingSummary({ item, timeLeft }: { item: DispatchBooking; timeLeft: string | null }) {
  const b = item.booking;
  const why = reasonSentence(b.matchReasons);
  return (
    <View>
      <View className='card stack' data-testid='dispatch-booking'>
        <StatusBadge status={b.status} label={b.statusLabel} large />
        {timeLeft ? <Text className='flag'>服务人员答复期限：{timeLeft}</Text> : null}
        <Text className='big'>{whatLine(item)}</Text>
        <Text className='text'>时间：{whenLine(item)}</Text>
        <Text className='text'>地点：{whereLine(item)}</Text>
        <Text className='text'>客户：{b.elder.name}</Text>
        {b.escort ? <Text className='text'>医院：{b.escort.hospitalName} · {DEPARTMENT_LABELS[b.escort.department]}</Text> : null}
        {b.note ? <Text className='text'>客户留言：{b.note}</Text> : null}
        <Text className='text'>服务人员：{staffLine(item)}</Text>
      </View>
      <Heading level={2}>{b.staff ? '现在的匹配理由' : '上一次匹配的理由'}</Heading>
      <Text className='text section'>{why || (b.staff ? '系统没有给出理由。' : '还没有安排过人。')}</Text>
      <Heading level={2}>经过</Heading>
      {b.timeline.length ? <Timeline entries={b.timeline} /> : <Text className='text'>还没有记录。</Text>}
    </View>
  );
}
