import { Image, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatChinaClock } from '@domain/time';
import { a11y, BigButton, Heading, Notice } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { stores } from '@/wiring';
import { PrivateImage } from './private-image';

/** 客户签名: the signature drawn on the phone (waiting or sent), or the way to the signing page. */
const Signature = observer(() => {
  const { task } = stores.staff;
  const record = task.record;
  const signature = record?.record.signature;
  if (!record || !task.id) return null;
  if (!signature) {
    return <BigButton label='请客户签名' sublabel='把手机交给客户，用手指签名' variant='secondary' onTap={() => void nav.go(ROUTES.staffSignature, { id: task.id as string })} />;
  }
  const waiting = record.waitingSignature;
  return (
    <View data-testid='signed'>
      <Text className='text strong'>✓ 客户已签名（{formatChinaClock(signature.signedAt)}）</Text>
      {waiting ? (
        <Image className='signature-image' src={waiting} mode='aspectFit' {...a11y('客户的签名（等待发送）', 'img')} />
      ) : (
        <PrivateImage url={signature.url} label='客户的签名' className='signature-image' />
      )}
    </View>
  );
});

/** Before 完成: the signature, what still blocks it (from the record), then 完成. */
export const Finish = observer(() => {
  const { task } = stores.staff;
  const blockers = task.record?.record.blockers ?? [];
  return (
    <View className='card'>
      <Heading level={2}>签名和完成</Heading>
      <Signature />
      {blockers.length ? (
        <Notice tone='warning' title='完成以前还差：' testId='blockers'>
          {blockers.map((b) => (
            <Text key={b} className='list-line'>
              · {b}
            </Text>
          ))}
        </Notice>
      ) : null}
      <BigButton label='完成' sublabel={blockers.length ? '上面的事项做完才能点' : '这次上门全部做完了'} disabled={blockers.length > 0} onTap={task.complete} />
    </View>
  );
});
