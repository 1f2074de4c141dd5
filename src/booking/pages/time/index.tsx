import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, HotlineButton, Loading, Notice, PageShell, TextField } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { scrollToSelector } from '@/platform/scroll';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { dayLabel } from '../../parts/day-label';
import { escortMeeting } from '../../parts/summary';
import { DraftLost } from '../../parts/draft-lost';
import { StepHeader } from '../../parts/step-header';
import { stepOf } from '../../parts/steps';
import '../../parts/booking.scss';
import './index.scss';

const Days = observer(() => {
  const { draft } = stores;
  return (
    <View className='grid' role='group' ariaRole='group' aria-label='选择日期'>
      {draft.days.map((d, i) => {
        const { lines } = dayLabel(d.date, i);
        const full = d.slots.length === 0;
        return (
          <View key={d.date} className='grid__cell time__day'>
            <BigButton
              label={lines[0]}
              sublabel={lines[1]}
              // The spoken name is the visible text in its order (axe: label-content-name-mismatch).
              spokenName={`${lines.join('，')}${full ? '，不能预约' : ''}`}
              variant='choice'
              selected={draft.selectedDate === d.date}
              className={full ? 'time__day--full' : ''}
              onTap={() => {
                draft.chooseDate(d.date);
                scrollToSelector('#slots');
              }}
            >
              {lines[2] ? <Text className='btn__sub'>{lines[2]}</Text> : null}
              {full ? <Text className='btn__sub time__full'>不能预约</Text> : null}
            </BigButton>
          </View>
        );
      })}
    </View>
  );
});

const Slots = observer(() => {
  const { draft } = stores;
  const day = draft.selectedDay;
  if (!day) return null;
  const { full: name } = dayLabel(day.date, draft.days.indexOf(day));
  return (
    <View id='slots' className='card'>
      <Text className='h2 time__slots-title'>{name}</Text>
      {day.slots.length === 0 ? (
        <Text className='text' data-testid='day-full'>
          {draft.serviceType === 'escort' ? '这天没有陪诊员有空，请选其他日子。' : '这天没有可以上门的时间，请选其他日子。'}
        </Text>
      ) : (
        <View>
          {day.slots.map((s, i) => (
            <View key={s.start}>
              {/* 上午 / 下午 headings: an escort day lists many times, so people find their half-day first. */}
              {i === 0 || day.slots[i - 1].period !== s.period ? <Text className='text strong time__period'>{s.period === 'morning' ? '上午' : '下午'}</Text> : null}
              <BigButton
                label={s.label}
                sublabel={draft.serviceType === 'escort' ? escortMeeting(s, draft.pickUp === true) : undefined}
                spokenName={`${name} ${s.label}${draft.serviceType === 'escort' ? ` 看病，${escortMeeting(s, draft.pickUp === true)}` : ''}`}
                variant='choice'
                selected={draft.slot?.start === s.start}
                onTap={() => {
                  draft.chooseSlot(s);
                  scrollToSelector('#note');
                }}
              />
            </View>
          ))}
        </View>
      )}
    </View>
  );
});

const TimePage = observer(() => {
  const { draft } = stores;
  const ready = useSessionGate('customer');
  const hasDraft = !!(draft.elder && draft.hasServiceDetails && draft.addressId);
  // Reload each time the page shows: times are taken by others while the person is elsewhere.
  useShowLoad(ready && hasDraft, () => void draft.loadSlots());
  if (!ready) return <GateFallback />;
  if (!hasDraft) return <DraftLost />;
  const { step, total } = stepOf('time');
  const escort = draft.serviceType === 'escort';

  return (
    <PageShell>
      <StepHeader step={step} total={total} title={escort ? '哪天几点看病？' : '哪天、几点上门？'} />
      {escort ? <Text className='text muted'>请按医院约好的看病时间选。</Text> : null}
      {draft.needsNewSlot ? <Notice tone='warning' title='请重新选一个时间' text='您之前选的时间刚被约满了。' /> : null}
      {draft.slotState === 'loading' && !draft.days.length ? <Loading text='正在查看可以上门的时间…' /> : null}
      {draft.slotState === 'error' ? (
        <Notice tone='error' title='时间没有加载出来' text={draft.slotError ?? undefined}>
          <BigButton label='重试' onTap={() => void draft.loadSlots()} />
        </Notice>
      ) : null}
      {draft.days.length ? (
        <>
          <Text className='text muted'>先点日子，再点时间：</Text>
          <Days />
          <Slots />
        </>
      ) : null}

      <TextField
        label={`有什么要告诉${escort ? '陪诊员' : '服务人员'}的？（可以不填）`}
        spokenName='给服务人员的留言，可以不填'
        value={draft.note}
        onChange={(v) => draft.setNote(v)}
        maxLength={200}
        placeholder={escort ? '例如：已经在网上挂好号了' : '例如：住 3 楼，没有电梯'}
        id='note'
      />

      <BigButton
        label='下一步'
        sublabel={draft.slot ? '核对预约信息' : escort ? '请先选好看病时间' : '请先选好上门时间'}
        disabled={!draft.slot}
        onTap={() => void nav.go(ROUTES.bookConfirm)}
        testId='time-next'
      />
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default TimePage;
