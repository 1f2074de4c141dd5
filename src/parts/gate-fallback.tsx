import { observer } from 'mobx-react-lite';
import { BigButton, Loading, Notice, PageShell } from '@/components';
import { stores } from '@/wiring';

/** What a page shows until we know who is signed in (or why we cannot tell). */
export const GateFallback = observer(() => {
  const { session } = stores;
  return (
    <PageShell>
      {session.status === 'error' ? (
        <Notice tone='error' title='暂时连不上服务' text={session.error ?? undefined}>
          <BigButton label='重试' onTap={() => void session.restore()} />
        </Notice>
      ) : (
        <Loading text='正在打开…' />
      )}
    </PageShell>
  );
});
