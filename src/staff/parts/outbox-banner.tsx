import { Text } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, Notice } from '@/components';
import { stores } from '@/wiring';

/**
 * What is still waiting to be sent (for one task, or for all), so the staff member knows the
 * server does not have it yet; and, once the queue is empty, that everything went.
 */
export const OutboxBanner = observer(({ taskId }: { taskId?: string }) => {
  const { outbox } = stores.staff;
  const waiting = taskId ? outbox.pendingFor(taskId) : outbox.entries;
  if (!waiting.length) {
    return outbox.allSent ? <Notice tone='success' title='全部已发送' text='刚才的操作服务器都已收到。' testId='outbox-sent' /> : null;
  }
  const notKept = waiting.filter((e) => !e.kept).length;
  // Online, the first try is under way: no need to talk about the network yet.
  if (outbox.sending && !outbox.retrying) {
    return <Notice tone='info' title={`正在发送 ${waiting.length} 项…`} testId='outbox-sending' />;
  }
  return (
    <Notice tone='warning' title={`还有 ${waiting.length} 项等待发送，联网后会自动发送`} testId='outbox-waiting'>
      {waiting.map((e, i) => (
        <Text key={e.key} className='list-line'>
          {i + 1}. {e.label}
        </Text>
      ))}
      {outbox.retrying ? <Text className='list-line'>网络不好，正在自动重试；不用重复点。</Text> : null}
      {notKept ? <Text className='list-line strong'>有 {notKept} 项太大，没能存在手机上：发送完以前请不要关闭小程序。</Text> : null}
      <BigButton label='现在重试' variant='secondary' busy={outbox.sending} busyLabel='正在发送…' onTap={() => void outbox.flush()} />
    </Notice>
  );
});
