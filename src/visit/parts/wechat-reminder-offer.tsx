import { observer } from 'mobx-react-lite';
import { isTerminal } from '@domain/lifecycle';
import type { BookingView } from '@domain/schemas';
import { BigButton, Notice } from '@/components';
import { IS_WEAPP } from '@/platform/env';
import { stores } from '@/wiring';

/**
 * While the visit is still to come and WeChat has no acceptance left to tell this person about
 * it, one quiet offer to turn WeChat reminders on (the dialog is WeChat's, from this tap). Not
 * shown to someone who refused: they are asked again only from 我的消息 → 消息设置.
 */
export const WechatReminderOffer = observer(({ b }: { b: BookingView }) => {
  const { messages } = stores;
  if (!IS_WEAPP || isTerminal(b.status) || !messages.offerOnVisit) return null;
  return (
    <Notice tone='info' title='想在微信里收到进度提醒吗？' text='每同意一次，微信可以发一条提醒给您；不同意也没关系，进度都会留在这一页和“我的消息”里。'>
      <BigButton label='开启微信提醒' variant='secondary' spokenName='开启微信提醒，微信会问您是否同意' onTap={() => void messages.askAtBooking()} testId='visit-ask-wechat' />
    </Notice>
  );
});
