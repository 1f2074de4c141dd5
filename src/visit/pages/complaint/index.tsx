import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '@domain/feedback';
import type { BookingView } from '@domain/schemas';
import { BigButton, Heading, HotlineButton, Notice, PageShell, TextField, roleAttrs } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { stores } from '@/wiring';
import { VisitPageGate } from '../../parts/visit-page-gate';

const ComplaintForm = observer(({ b }: { b: BookingView }) => {
  const { feedback } = stores;
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [urgent, setUrgent] = useState<boolean | null>(null);
  const [text, setText] = useState('');
  const submit = async () => {
    if (!category || urgent === null) return;
    if (await feedback.complain(b.id, { category, urgent, text: text.trim() || undefined })) void nav.back(ROUTES.visits);
  };
  const missing = !category ? '请先点一下是什么问题' : urgent === null ? '请再选急不急' : undefined;
  return (
    <PageShell>
      <Heading>我要投诉</Heading>
      <Text className='text'>您的投诉会交给专人处理，处理结果会写在预约页上。</Text>
      <Heading level={2}>是什么问题？（点一个）</Heading>
      <View className='grid' {...roleAttrs('group')} aria-label='投诉的问题'>
        {COMPLAINT_CATEGORIES.map((c) => (
          <View key={c} className='grid__cell'>
            <BigButton label={COMPLAINT_CATEGORY_LABELS[c]} variant='choice' selected={category === c} onTap={() => setCategory(c)} />
          </View>
        ))}
      </View>
      {category === 'asked_money' ? <Notice tone='warning' title='请不要给钱，也不要说密码' text='如果对方还在，请先不要开门，拨打客服热线；已经被骗请拨打 110。' /> : null}
      <Heading level={2}>急不急？</Heading>
      <View {...roleAttrs('group')} aria-label='急不急'>
        <BigButton label='很急' sublabel='2 小时内有专人处理，1 个工作日内答复您' variant='choice' selected={urgent === true} onTap={() => setUrgent(true)} testId='urgent-yes' />
        <BigButton label='不急' sublabel='15 个工作日内答复您' variant='choice' selected={urgent === false} onTap={() => setUrgent(false)} testId='urgent-no' />
      </View>
      <TextField
        label='简单说说发生了什么（可以不填）'
        spokenName='发生了什么，可以不填'
        value={text}
        onChange={setText}
        maxLength={200}
        placeholder='例如：说要先交押金'
      />
      {feedback.saveState === 'error' ? <Notice tone='error' text={feedback.saveError ?? undefined} /> : null}
      <BigButton label='提交投诉' sublabel={missing} disabled={Boolean(missing)} busy={feedback.saveState === 'saving'} busyLabel='正在提交…' onTap={() => void submit()} testId='submit-complaint' />
      <HotlineButton onCall={callPhone} label='想直接说，打客服热线' />
      <BigButton label='返回' variant='quiet' onTap={() => void nav.back(ROUTES.visits)} />
    </PageShell>
  );
});

const ComplaintPage = () => <VisitPageGate onReady={() => stores.feedback.resetSave()}>{(b) => <ComplaintForm b={b} />}</VisitPageGate>;

export default ComplaintPage;
