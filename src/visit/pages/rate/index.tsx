import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { RATING_TAG_LABELS, RATING_TAGS, type RatingTag } from '@domain/feedback';
import type { BookingView } from '@domain/schemas';
import { BigButton, Heading, Notice, PageShell, TextField, roleAttrs } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { stores } from '@/wiring';
import { VisitPageGate } from '../../parts/visit-page-gate';
import './index.scss';

const STAR_WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];
const NPS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const RateForm = observer(({ b }: { b: BookingView }) => {
  const { feedback } = stores;
  const [stars, setStars] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [tags, setTags] = useState<RatingTag[]>([]);
  const [comment, setComment] = useState('');
  const who = b.staff?.title ?? '服务人员';
  const toggle = (t: RatingTag) => setTags(tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t]);
  const submit = async () => {
    if (stars === null || nps === null) return;
    if (await feedback.rate(b.id, { stars, nps, tags, comment: comment.trim() || undefined })) void nav.back(ROUTES.visits);
  };
  const missing = stars === null ? '请先点几颗星' : nps === null ? '请再点一个推荐分' : undefined;
  return (
    <PageShell>
      <Heading>给这次服务打分</Heading>
      <Heading level={2}>{who}这次服务得怎么样？</Heading>
      <View className='rate__stars' {...roleAttrs('group')} aria-label='星级，1 到 5 颗星'>
        {[1, 2, 3, 4, 5].map((n) => (
          <BigButton key={n} label={`${'★'.repeat(n)} ${n} 星`} sublabel={STAR_WORDS[n]} variant='choice' selected={stars === n} onTap={() => setStars(n)} testId={`stars-${n}`} />
        ))}
      </View>
      <Heading level={2}>您愿意把我们推荐给亲戚朋友吗？</Heading>
      <Text className='text muted'>0 分是完全不愿意，10 分是非常愿意。</Text>
      <View className='rate__nps' {...roleAttrs('group')} aria-label='推荐分，0 到 10 分'>
        {NPS.map((n) => (
          <View key={n} className='rate__nps-cell'>
            <BigButton label={`${n}`} spokenName={`${n} 分`} variant='choice' selected={nps === n} onTap={() => setNps(n)} testId={`nps-${n}`} />
          </View>
        ))}
      </View>
      <Heading level={2}>哪些说得对？（可以点几个，也可以不点）</Heading>
      <View className='grid' {...roleAttrs('group')} aria-label='评价标签'>
        {RATING_TAGS.map((t) => (
          <View key={t} className='grid__cell'>
            <BigButton label={RATING_TAG_LABELS[t]} variant='choice' selected={tags.includes(t)} onTap={() => toggle(t)} />
          </View>
        ))}
      </View>
      <TextField
        label='还想说一句吗？（可以不填）'
        spokenName='一句话评价，可以不填'
        value={comment}
        onChange={setComment}
        maxLength={200}
        placeholder='例如：讲得很耐心'
      />
      {feedback.saveState === 'error' ? <Notice tone='error' text={feedback.saveError ?? undefined} /> : null}
      <BigButton label='提交评价' sublabel={missing} disabled={Boolean(missing)} busy={feedback.saveState === 'saving'} busyLabel='正在提交…' onTap={() => void submit()} testId='submit-rating' />
      <BigButton label='以后再评' variant='quiet' onTap={() => void nav.back(ROUTES.visits)} />
    </PageShell>
  );
});

const RatePage = () => <VisitPageGate onReady={() => stores.feedback.resetSave()}>{(b) => <RateForm b={b} />}</VisitPageGate>;

export default RatePage;
