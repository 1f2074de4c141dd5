import { useEffect } from 'react';
import { nav, ROUTES } from '@/platform/nav';
import { stores } from '@/wiring';

/**
 * 我的消息 is everyone's (elders, family, staff): only signed out sends the person to the login
 * page. Returns true when ready.
 */
export function useSignedIn(): boolean {
  const { session } = stores;
  const status = session.status;
  useEffect(() => {
    if (status === 'unknown') void session.restore();
    if (status === 'signedOut') void nav.relaunch(ROUTES.login);
  }, [status, session]);
  return status === 'signedIn';
}
