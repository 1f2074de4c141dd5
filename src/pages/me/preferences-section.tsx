import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { DIALECT_CHOICES, STAFF_GENDER_LABELS } from '@domain/preferences';
import type { Preferences } from '@domain/schemas-preferences';
import { BigButton, Heading, Loading, Notice, roleAttrs } from '@/components';
import { stores } from '@/wiring';

type Gender = Preferences['preferredStaffGender'];
const GENDERS: Array<{ value: Gender; label: string }> = [
  { value: null, label: '都可以' },
  { value: 'female', label: STAFF_GENDER_LABELS.female },
  { value: 'male', label: STAFF_GENDER_LABELS.male },
];

/** 方言 and 服务人员性别: each tap is saved at once. Matching prefers them, never refuses for them. */
export const PreferencesSection = observer(() => {
  const { preferences } = stores;
  const p = preferences.value;
  if (!p) {
    if (preferences.state === 'error') {
      return (
        <Notice tone='error' title='服务偏好没有加载出来' text={preferences.error ?? undefined}>
          <BigButton label='重试' onTap={() => void preferences.load()} />
        </Notice>
      );
    }
    return <Loading text='正在查看您的服务偏好…' />;
  }
  const saving = preferences.saveState === 'saving';
  const pick = (change: Partial<Preferences>) => {
    if (!saving) void preferences.set(change);
  };
  return (
    <View className='section' data-testid='preferences'>
      <Heading level={2}>服务偏好</Heading>
      <Text className='text muted'>安排服务人员时会优先照顾您的选择；没有合适的人时，也会照常为您安排。</Text>
      <Text className='field-label'>希望服务人员会说的方言</Text>
      <View className='grid' {...roleAttrs('group')} aria-label='希望服务人员会说的方言'>
        {[null, ...DIALECT_CHOICES].map((d) => (
          <View key={d ?? 'none'} className='grid__cell'>
            <BigButton label={d ?? '普通话就行'} variant='choice' selected={p.dialect === d} onTap={() => pick({ dialect: d })} />
          </View>
        ))}
      </View>
      <Text className='field-label'>希望的服务人员性别</Text>
      <View className='grid' {...roleAttrs('group')} aria-label='希望的服务人员性别'>
        {GENDERS.map((g) => (
          <View key={g.value ?? 'none'} className='grid__cell'>
            <BigButton label={g.label} variant='choice' selected={p.preferredStaffGender === g.value} onTap={() => pick({ preferredStaffGender: g.value })} />
          </View>
        ))}
      </View>
      {preferences.saveState === 'done' ? <Notice tone='success' title='已保存' testId='preferences-saved' /> : null}
      {preferences.saveState === 'error' ? <Notice tone='error' text={preferences.saveError ?? undefined} /> : null}
    </View>
  );
});
