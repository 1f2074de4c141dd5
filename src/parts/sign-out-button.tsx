import { BigButton } from '@/components';
import { confirmDialog } from '@/platform/dialog';
import { nav, ROUTES } from '@/platform/nav';
import { signOut, stores } from '@/wiring';
import { signOutQuestion } from './sign-out-question';

/** 退出登录, asked once more so a stray tap does not sign an elder out (or staff out with writes waiting). */
export function SignOutButton() {
  const onTap = async () => {
    const yes = await confirmDialog(signOutQuestion(stores.staff.outbox.count));
    if (!yes) return;
    await signOut();
    await nav.relaunch(ROUTES.login);
  };
  return <BigButton label='退出登录' variant='quiet' onTap={() => void onTap()} />;
}
