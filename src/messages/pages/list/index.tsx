import { Text } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { Message } from '@domain/schemas-notifications';
import { BigButton, EmptyState, Heading, HotlineButton, Loading, Notice, PageShell } from '@/components';
import { usePageParams } from '@/hooks/use-page-params';
import { usePullRefresh } from '@/hooks/use-pull-refresh';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { MessageCard } from '../../parts/message-card';
import { useSignedIn } from '../../parts/use-signed-in';
import { WechatSettings } from '../../parts/wechat-settings';
import '../../parts/messages.scss';

/** Opening a message reads it and goes to the visit it is about (the staff member's task). */
function open(message: Message): void {
  void stores.messages.markRead(message.id);
  if (!message.bookingId) return;
  const staff = stores.session.user?.role === 'staff';
  void nav.go(staff ? ROUTES.staffTask : ROUTES.visit, { id: message.bookingId });
}

/** Loads the list; a WeChat message opens this page with its id, which then counts as read. */
async function load(fromWechat: string | undefined): Promise<void> {
  const { messages } = stores;
  await Promise.all([messages.load(), messages.loadSubscriptions()]);
  if (fromWechat) await messages.markRead(fromWechat);
}

const MessagesPage = observer(() => {
  const { messages } = stores;
  const params = usePageParams();
  const ready = useSignedIn() && params !== null;
  const reload = () => load(params?.id);
  useShowLoad(ready, () => void reload());
  usePullRefresh(reload);
  if (!ready) return <GateFallback />;
  const empty = messages.state === 'ready' && messages.items.length === 0;

  return (
    <PageShell>
      <Heading>我的消息</Heading>
      {messages.state === 'ready' ? <Text className='text' data-testid='unread-count'>{messages.unread > 0 ? `有 ${messages.unread} 条没看过` : '消息都看过了'}</Text> : null}
      {messages.state === 'loading' ? <Loading text='正在打开消息…' /> : null}
      {messages.state === 'error' ? (
        <Notice tone='error' title='消息没有加载出来' text={messages.error ?? undefined}>
          <BigButton label='重试' onTap={() => void reload()} />
        </Notice>
      ) : null}
      {empty ? <EmptyState title='还没有消息' hint='预约有了新进展，比如服务人员确认、出发、到达，都会写在这里。' /> : null}
      {messages.items.map((m) => (
        <MessageCard key={m.id} message={m} onOpen={open} />
      ))}
      {messages.nextCursor ? (
        <BigButton label='看更早的消息' variant='secondary' busy={messages.loadingMore} busyLabel='正在加载…' onTap={() => void messages.loadMore()} />
      ) : null}
      <WechatSettings />
      <HotlineButton onCall={callPhone} />
    </PageShell>
  );
});

export default MessagesPage;
