import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { RATING_TAG_LABELS } from '@domain/feedback';
import type { BookingView } from '@domain/schemas';
import { BigButton, Heading, Loading, Notice } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { stores } from '@/wiring';
import { ComplaintCard } from './complaint-card';

/** After the visit (or once it started): the rating, and complaints with their promise and state. */
export const AfterVisit = observer(({ b }: { b: BookingView }) => {
  const { feedback } = stores;
  const f = feedback.feedback && feedback.feedback.bookingId === b.id ? feedback.feedback : null;
  if (!f) {
    if (feedback.state === 'error') {
      return (
        <Notice tone='error' title='评价和投诉没有加载出来' text={feedback.error ?? undefined}>
          <BigButton label='重试' onTap={() => void feedback.load(b.id)} />
        </Notice>
      );
    }
    return feedback.state === 'loading' ? <Loading text='正在查看评价和投诉…' /> : null;
  }
  return (
    <View className='section' data-testid='after-visit'>
      {f.rating ? (
        <View className='card' data-testid='rating-done'>
          <Heading level={2}>您的评价</Heading>
          <Text className='text'>
            {'★'.repeat(f.rating.stars)} {f.rating.stars} 星，推荐意愿 {f.rating.nps} 分
          </Text>
          {f.rating.tags.length ? <Text className='text'>{f.rating.tags.map((t) => RATING_TAG_LABELS[t]).join('、')}</Text> : null}
          {f.rating.comment ? <Text className='text'>“{f.rating.comment}”</Text> : null}
          <Text className='text muted'>谢谢您的评价！</Text>
        </View>
      ) : null}
      {f.canRate ? <BigButton label='给这次服务打分' sublabel='点几下就好，一次服务评一次' onTap={() => void nav.go(ROUTES.visitRate, { id: b.id })} testId='go-rate' /> : null}
      {f.complaints.length ? <Heading level={2}>您的投诉</Heading> : null}
      {f.complaints.map((c) => (
        <ComplaintCard key={c.id} c={c} />
      ))}
      {f.canComplain ? (
        <BigButton label='我要投诉' sublabel='有不满意的地方，告诉我们' variant='secondary' onTap={() => void nav.go(ROUTES.visitComplaint, { id: b.id })} testId='go-complaint' />
      ) : null}
    </View>
  );
});
