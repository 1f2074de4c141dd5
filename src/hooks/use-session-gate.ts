import { useEffect } from 'react';
import { nav, ROUTES } from '@/platform/nav';
import { stores } from '@/wiring';

export type GateRole = 'customer' | 'staff';

/** Where a signed-in person starts. */
export function homeRouteFor(role: string | undefined) {
  return role === 'staff' ? ROUTES.staffTasks : ROUTES.home;
}

/**
 * Lets a page render only for a signed-in person of the right kind. Signed out → the login page;
 * the wrong kind (staff on a customer page) → their own start page. Returns true when ready.
 */
export function useSessionGate(role: GateRole): boolean {
  const { session } = stores;
  const status = session.status;
  const userRole = session.user?.role;
  useEffect(() => {
    if (status === 'unknown') void session.restore();
    if (status === 'signedOut') void nav.relaunch(ROUTES.login);
    if (status === 'signedIn' && userRole && userRole !== role && !(role === 'customer' && userRole === 'dispatcher')) {
      void nav.relaunch(homeRouteFor(userRole));
    }
  }, [status, userRole, role, session]);
  return status === 'signedIn' && (userRole === role || (role === 'customer' && userRole === 'dispatcher'));
}
