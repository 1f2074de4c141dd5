import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CustomerRecord } from '@domain/schemas';
import { BigButton, Heading, roleAttrs } from '@/components';
import { copyText } from '@/platform/share';
import { CAN_READ_ALOUD, readAloud } from '@/platform/speech';
import { handoverSpeech } from '../record-text';

/**
 * 原件交接单: the originals the staff member took away, as a list the customer can have read
 * aloud, or copy to send to their children.
 */
export function HandoverCard({ handover, who }: { handover: CustomerRecord['handover']; who: string }) {
  const [copied, setCopied] = useState(false);
  const text = handoverSpeech(handover, who);
  return (
    <View className='card handover' data-testid='handover'>
      <Heading level={2}>原件交接单</Heading>
      {handover.length ? (
        <>
          <Text className='text'>
            {who}带走了这些原件（共 {handover.length} 份）：
          </Text>
          <View {...roleAttrs('list')} aria-label='带走的原件'>
            {handover.map((h, i) => (
              <Text key={`${i}-${h.label}`} className='text strong' {...roleAttrs('listitem')} data-testid='handover-item'>
                {i + 1}. {h.label}
              </Text>
            ))}
          </View>
        </>
      ) : (
        <Text className='text'>{who}没有带走您的原件。</Text>
      )}
      {CAN_READ_ALOUD ? <BigButton label='读给我听' sublabel='再点一下停止' variant='secondary' onTap={() => readAloud(text)} testId='read-handover' /> : null}
      <BigButton
        label={copied ? '已复制' : '复制交接单'}
        sublabel={copied ? '打开微信，粘贴发给子女' : '粘贴到微信，发给子女看'}
        variant='quiet'
        onTap={() => void copyText(text).then(setCopied)}
        testId='copy-handover'
      />
    </View>
  );
}
