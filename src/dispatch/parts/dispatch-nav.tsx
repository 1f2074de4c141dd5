import { View } from '@tarojs/components';
import { BigButton } from '@/components';
import { nav, ROUTES, type Route } from '@/platform/nav';

export type ConsolePage = 'console' | 'staff' | 'newStaff';

const LINKS: Array<{ page: ConsolePage; label: string; route: Route }> = [
  { page: 'console', label: '待处理', route: ROUTES.dispatchConsole },
  { page: 'staff', label: '人员名单', route: ROUTES.dispatchStaff },
  { page: 'newStaff', label: '新建账号', route: ROUTES.dispatchNewStaff },
];

/** The console's other pages, one tap away (the page on screen is left out). */
export function DispatchNav({ current }: { current: ConsolePage | null }) {
  return (
    <View className='dispatch-nav'>
      {LINKS.filter((l) => l.page !== current).map((l) => (
        <BigButton key={l.page} label={l.label} variant='secondary' onTap={() => void nav.relaunch(l.route)} />
      ))}
    </View>
  );
}
