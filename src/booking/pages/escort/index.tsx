import { Text } from '@tarojs/components';
import { BigButton, HotlineButton, Notice, PageShell } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';

/** Escort booking comes in a later release: say so plainly and offer the phone, no fake form. */
export default function EscortPage() {
  return (
    <PageShell>
      <Text className='h1'>就医陪诊</Text>
      <Text className='text'>陪诊员陪您去医院：挂号、排队、陪同看病、取药，需要的话接送您往返。</Text>
      <Notice tone='info' title='在线预约即将开放' text='现在请打电话预约，客服会帮您安排好陪诊员和时间。' testId='escort-soon' />
      <HotlineButton onCall={callPhone} label='打电话预约陪诊' />
      <BigButton label='回到首页' variant='secondary' onTap={() => void nav.back(ROUTES.home)} />
    </PageShell>
  );
}
