import { BigButton } from '@/components';
import { confirmDialog } from '@/platform/dialog';
import { nav, ROUTES } from '@/platform/nav';
import { signOut } from '@/wiring';

/** 退出登录, asked once more so a stray tap does not sign an elder out. */
export function SignOutButton() {
  const onTap = async () => {
    const yes = await confirmDialog({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '不退出' });
    if (!yes) return;
    await signOut();
    await nav.relaunch(ROUTES.login);
  };
  return <BigButton label='退出登录' variant='quiet' onTap={() => void onTap()} />;
}
