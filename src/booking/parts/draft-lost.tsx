import { BigButton, EmptyState, PageShell } from '@/components';
import { nav, ROUTES } from '@/platform/nav';

/** Shown when a booking page is opened without the earlier steps (e.g. a link opened on its own). */
export function DraftLost() {
  return (
    <PageShell>
      <EmptyState title='预约还没有开始' hint='请回到首页，点“上门理赔”或“就医陪诊”开始预约。' />
      <BigButton label='回到首页' onTap={() => void nav.relaunch(ROUTES.home)} />
    </PageShell>
  );
}
