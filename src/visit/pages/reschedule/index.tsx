import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { formatVisitWindow } from '@domain/time';
import type { BookingView } from '@domain/schemas';
import { BigButton, Heading, HotlineButton, Loading, Notice, PageShell, roleAttrs } from '@/components';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { changeCutoffPassed, cutoffHours } from '@/stores/visit-change';
import { stores } from '@/wiring';
import { VisitPageGate } from '../../parts/visit-page-gate';

const RescheduleForm = observer(({ b }: { b: BookingView }) => {
  const { visits } = stores;
  const [picked, setPicked] = useState<string | null>(null);
  usePullRefresh(() => visits.loadRescheduleSlots(b.id));
  const who = b.staff?.title;
  const tooLate = visits.changeTooLate || changeCutoffPassed(b);
  const same = visits.sameStaffSlots;
  const others = visits.otherSlotDays;
  const any = same.length > 0 || others.length > 0;
  const submit = async () => {
    if (picked && (await visits.reschedule(picked))) void nav.back(ROUTES.visits);
  };
  return (
    <PageShell>
      <Heading>改个时间</Heading>
      <Text className='text'>现在约的是：{formatVisitWindow(b.slotStart, b.slotEnd)}</Text>
      {who ? <Text className='text muted'>先列出{who}有空的时间，选这些还是{who}来。</Text> : null}
      {tooLate ? (
        <Notice tone='info' title={`来访前 ${cutoffHours(b)} 小时内不能在手机上改，请打电话`} text='请打客服热线，我们帮您改时间。' testId='cutoff-passed'>
          <HotlineButton onCall={callPhone} label='打电话改时间' />
        </Notice>
      ) : null}
      {!tooLate && visits.slotsState === 'loading' && !any ? <Loading text='正在查看能改到哪些时间…' /> : null}
      {!tooLate && visits.slotsState === 'error' ? (
        <Notice tone='error' title='时间没有加载出来' text={visits.slotsError ?? undefined}>
          <BigButton label='重试' onTap={() => void visits.loadRescheduleSlots(b.id)} />
        </Notice>
      ) : null}
      {!tooLate && visits.slotsState === 'ready' && !any ? (
        <Notice tone='info' title='这 7 天都约满了' text='可以过一两天再来看看，或者打客服热线请我们帮您安排。' />
      ) : null}
      {!tooLate && same.length && who ? (
        <View className='section'>
          <Heading level={2}>{who}有空的时间</Heading>
          <View {...roleAttrs('group')} aria-label={`${who}有空的时间`}>
            {same.map((s) => (
              <BigButton key={s.start} label={`${s.dayLabel} ${s.label}`} sublabel={`✓ 还是${who}来`} variant='choice' selected={picked === s.start} onTap={() => setPicked(s.start)} testId='slot-same-staff' />
            ))}
          </View>
        </View>
      ) : null}
      {!tooLate && others.length ? <Heading level={2}>其他时间（另外安排服务人员）</Heading> : null}
      {!tooLate
        ? others.map((d) => (
            <View key={d.date} className='section' {...roleAttrs('group')} aria-label={d.label}>
              <Text className='text strong'>{d.label}</Text>
              {d.slots.map((s) => (
                <BigButton key={s.start} label={s.label} variant='choice' selected={picked === s.start} onTap={() => setPicked(s.start)} testId='slot-other' />
              ))}
            </View>
          ))
        : null}
      {visits.changeState === 'error' ? <Notice tone='error' text={visits.changeError ?? undefined} /> : null}
      {!tooLate && any ? (
        <BigButton
          label='改到这个时间'
          sublabel={picked ? undefined : '请先点一个时间'}
          disabled={!picked}
          busy={visits.changeState === 'saving'}
          busyLabel='正在修改…'
          onTap={() => void submit()}
          testId='confirm-reschedule'
        />
      ) : null}
      <BigButton label='不改了，返回' variant='quiet' onTap={() => void nav.back(ROUTES.visits)} />
    </PageShell>
  );
});

const ReschedulePage = () => (
  <VisitPageGate
    onReady={(id) => {
      stores.visits.resetChange();
      void stores.visits.loadRescheduleSlots(id);
    }}
  >
    {(b) => <RescheduleForm b={b} />}
  </VisitPageGate>
);

export default ReschedulePage;
