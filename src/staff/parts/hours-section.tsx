import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, Heading } from '@/components';
import { DAY_PRESETS, PRESET_ORDER, WEEKDAYS, type Weekday } from '@/stores/staff-availability-store';
import { stores } from '@/wiring';

const WEEKDAY_NAMES: Record<Weekday, string> = { '1': '星期一', '2': '星期二', '3': '星期三', '4': '星期四', '5': '星期五', '6': '星期六', '7': '星期日' };

/** Hours set some other way (by the dispatcher), in words. */
const rangesText = (ranges: Array<[string, string]> = []) => (ranges.length ? ranges.map(([a, b]) => `${a}–${b}`).join('、') : '休息');

/** Weekly working hours: per weekday one tap (休息 / 上午 / 下午 / 上午和下午 / 全天). */
export const HoursSection = observer(() => {
  const { availability: a } = stores.staff;
  const hours = a.data?.workingHours ?? {};
  return (
    <View className='card'>
      <Heading level={2}>每周工作时间</Heading>
      <Text className='text muted'>上午 8:00–12:00，下午 13:00–18:00。改好马上生效，新任务只会排在这些时间里。</Text>
      {WEEKDAYS.map((day) => {
        const preset = a.presetFor(day);
        return (
          <View key={day} className='section'>
            <Text className='field-label'>
              {WEEKDAY_NAMES[day]}
              {preset ? '' : `（现在：${rangesText(hours[day] as Array<[string, string]>)}）`}
            </Text>
            <View className='choices'>
              {PRESET_ORDER.map((p) => (
                <BigButton
                  key={p}
                  label={DAY_PRESETS[p].label}
                  spokenName={`${WEEKDAY_NAMES[day]}：${DAY_PRESETS[p].label}`}
                  variant='choice'
                  selected={preset === p}
                  disabled={a.saving === 'hours'}
                  onTap={() => void a.setDay(day, p)}
                />
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
});
