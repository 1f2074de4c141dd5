import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintCategory, type ComplaintStatus } from '@domain/feedback';
import { formatEventTime } from '@domain/time';
import type { ServiceLevels } from '@domain/schemas-dispatch';
import { Heading, a11y } from '@/components';
import { nav, ROUTES } from '@/platform/nav';

type OpenComplaint = ServiceLevels['openComplaints'][number];

function Matching({ m }: { m: ServiceLevels['matching'] }) {
  return (
    <View className='card' data-testid='level-matching'>
      <Text className='text strong'>{m.targetMinutes} 分钟内安排到人</Text>
      <Text className='figure'>
        {m.matchedInTime} / {m.created} 次
      </Text>
      <Text className='text'>
        今天新约 {m.created} 次：按时安排 {m.matchedInTime} 次，超时才安排 {m.matchedLate} 次，还没安排到人 {m.notMatched} 次。
      </Text>
    </View>
  );
}

function Arrival({ a }: { a: ServiceLevels['arrival'] }) {
  return (
    <View className='card' data-testid='level-arrival'>
      <Text className='text strong'>准时上门</Text>
      <Text className='figure'>
        {a.onTime} / {a.arrived} 次
      </Text>
      <Text className='text'>
        今天已上门 {a.arrived} 次：准时 {a.onTime} 次，迟到 {a.late} 次（上门时段开始后 {a.graceMinutes} 分钟内到达算准时）。
      </Text>
    </View>
  );
}

function NoShows({ n }: { n: ServiceLevels['noShows'] }) {
  return (
    <View className='card' data-testid='level-no-shows'>
      <Text className='text strong'>没有见面的服务</Text>
      <Text className='text'>客户不在家：{n.customer} 次</Text>
      <Text className='text'>服务人员没有到：{n.staff} 次</Text>
    </View>
  );
}

function ComplaintRow({ c }: { c: OpenComplaint }) {
  const state = c.overdue ? '⚠ 已超过期限' : '在期限内';
  return (
    <View
      className='card risk-card'
      hoverClass='card--hover'
      onClick={() => void nav.go(ROUTES.dispatchBooking, { id: c.bookingId })}
      data-testid={`complaint-${c.id}`}
      {...a11y('')}
    >
      <Text className={`flag ${c.overdue ? 'flag--bad' : ''}`}>{state}</Text>
      <Text className='text strong'>
        {c.urgent ? '【加急】' : ''}
        {COMPLAINT_CATEGORY_LABELS[c.category as ComplaintCategory] ?? c.category} · {COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus] ?? c.status}
      </Text>
      <Text className='text'>内部处理期限：{formatEventTime(c.internalDeadline)}</Text>
      <Text className='text'>答复客户期限：{formatEventTime(c.answerDeadline)}</Text>
      <Text className='text risk-card__more'>查看这次预约 ›</Text>
    </View>
  );
}

/** The day's service levels in figures and words; open complaints with overdue ones first. */
export const ServiceLevelsView = observer(({ levels, complaints }: { levels: ServiceLevels; complaints: OpenComplaint[] }) => {
  const overdue = complaints.filter((c) => c.overdue).length;
  return (
    <View>
      <Matching m={levels.matching} />
      <Arrival a={levels.arrival} />
      <NoShows n={levels.noShows} />
      <Heading level={2}>
        没有答复的投诉（{complaints.length}）{overdue ? `，其中 ${overdue} 件已超期` : ''}
      </Heading>
      {complaints.length ? complaints.map((c) => <ComplaintRow key={c.id} c={c} />) : <Text className='text'>现在没有待答复的投诉。</Text>}
    </View>
  );
});
