import { BigButton, EmptyState, PageShell } from '@/components';
import { nav, ROUTES } from '@/platform/nav';

/** Shown when a booking page is opened without the earlier steps (e.g. the browser was reloaded). */
export function DraftLost() {
  return (
    <PageShell>
      <EmptyState title='预约还没有开始' hint='前面的选择没有保存下来，请回到首页，点“上门理赔”重新开始。' />
      <BigButton label='回到首页' onTap={() => void nav.relaunch(ROUTES.home)} />
    </PageShell>
  );
}
