import { Text, Textarea, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { BigButton, Heading } from '@/components';
import { stores } from '@/wiring';

/** 伤残鉴定记录: needed for accident-disability claims visited by a certified staff member. */
export const AssessmentNotes = observer(() => {
  const { task, writes } = stores.staff;
  const assessment = task.record?.record.assessment;
  const [draft, setDraft] = useState<string | null>(null);
  if (!assessment?.required) return null;
  const value = draft ?? assessment.notes ?? '';
  const save = () => {
    if (writes.saveAssessment(value)) setDraft(null);
  };
  return (
    <View className='card'>
      <Heading level={2}>伤残鉴定记录</Heading>
      <Text className='field-label'>鉴定情况（部位、程度、依据）：</Text>
      <Textarea className='textarea' value={value} maxlength={1000} autoHeight onInput={(e) => setDraft(e.detail.value)} ariaLabel='伤残鉴定记录' nativeProps={{ 'aria-label': '伤残鉴定记录' }} />
      {assessment.notes && draft === null ? <Text className='text'>已保存</Text> : null}
      {writes.error ? <Text className='text strong'>{writes.error}</Text> : null}
      <BigButton label='保存鉴定记录' variant='secondary' onTap={save} />
    </View>
  );
});
