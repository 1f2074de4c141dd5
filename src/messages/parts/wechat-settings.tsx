import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { SubscriptionView } from '@domain/schemas-notifications';
import { BigButton, Heading, Notice } from '@/components';
import { stores } from '@/wiring';

function stateOf(t: SubscriptionView): string {
  if (t.remaining > 0) return `已开启，还能收 ${t.remaining} 条`;
  if (!t.askable) return '您选择了不接收';
  return t.lastAnswer === 'accept' ? '已用完，可以再开启' : '还没有开启';
}

/**
 * 消息设置: WeChat sends one message per acceptance. The app never asks again after a refusal on
 * its own; this tap is the only way to be asked again.
 */
export const WechatSettings = observer(() => {
  const { messages } = stores;
  if (!messages.canAsk) return null;
  const templates = messages.subscriptions?.templates ?? [];
  return (
    <View className='section' data-testid='wechat-settings'>
      <Heading level={2}>消息设置：微信提醒</Heading>
      <Text className='text muted'>每同意一次，微信可以发一条提醒给您。没有微信提醒时，会发短信；消息都会留在这一页。</Text>
      <View className='card'>
        {templates.map((t) => (
          <Text key={t.template} className='wechat-template'>
            {t.title}：{stateOf(t)}
          </Text>
        ))}
      </View>
      {messages.subscribeNote ? <Notice tone='success' text={messages.subscribeNote} testId='subscribe-note' /> : null}
      <BigButton
        label='开启微信提醒'
        sublabel='微信会问您是否同意'
        variant='secondary'
        spokenName='开启微信提醒，微信会问您是否同意'
        onTap={() => void messages.askAgain()}
        testId='ask-wechat'
      />
    </View>
  );
});
