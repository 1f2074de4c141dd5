import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { DispatchCandidate } from '@domain/schemas-lifecycle';
import { BigButton } from '@/components';
import { reasonSentence } from '@/components/staff-card';
import { stores } from '@/wiring';

const CandidateCard = observer(({ c, rank }: { c: DispatchCandidate; rank: number }) => {
  const store = stores.dispatch.booking;
  const chosen = store.chosen === c.staff.id;
  const current = store.current?.booking.staff?.id === c.staff.id;
  return (
    <View className='card' data-testid={`candidate-${c.staff.staffNo}`}>
      <Text className='text strong'>
        第 {rank} 位：{c.staff.name}（工号 {c.staff.staffNo}）{current ? ' · 现在的服务人员' : ''}
      </Text>
      <Text className='text'>
        距离 {c.distanceKm} 公里 · 匹配成本 {Math.round(c.cost * 100) / 100}（越低越合适）
      </Text>
      <Text className='text'>理由：{reasonSentence(c.reasons) || '没有特别的理由。'}</Text>
      <BigButton
        label={chosen ? '已选这位' : '选这位'}
        spokenName={`${chosen ? '已选这位' : '选这位'}：${c.staff.name}，工号 ${c.staff.staffNo}`}
        variant='choice'
        selected={chosen}
        onTap={() => store.choose(chosen ? null : c.staff.id)}
        className='candidate__choose'
      />
    </View>
  );
});

/** The people who could take the visit now, best first, with the engine's reasons and cost. */
export const CandidateList = observer(() => {
  const store = stores.dispatch.booking;
  if (store.candidatesState === 'loading' && !store.candidates.length) return <Text className='text'>正在找能接这次服务的人…</Text>;
  if (store.candidatesState === 'error') return <Text className='text'>名单没有加载出来：{store.candidatesError}</Text>;
  if (!store.candidates.length) {
    return <Text className='text section'>现在没有人能接这次服务（技能、区域、时间或当天单量都不符）。可以先给某位人员撤回请假，或联系客户改时间。</Text>;
  }
  return (
    <View>
      {store.candidates.map((c, i) => (
        <CandidateCard key={c.staff.id} c={c} rank={i + 1} />
      ))}
    </View>
  );
});
