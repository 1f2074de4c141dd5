import { useEffect } from 'react';
import { nav, ROUTES } from '@/platform/nav';
import { stores } from '@/wiring';

export type GateRole = 'customer' | 'staff' | 'dispatcher';

/** Where a signed-in person starts. */
export function homeRouteFor(role: string | undefined) {
  if (role === 'staff') return ROUTES.staffTasks;
  if (role === 'dispatcher') return ROUTES.dispatchConsole;
  return ROUTES.home;
}

/**
 * Lets a page render only for a signed-in person of the right kind. Signed out → the login page;
 * the wrong kind (staff on a customer page, anyone but a dispatcher on the console) → their own
 * start page. Dispatchers are not let onto customer pages: every customer route refuses them
 * (docs/authorization.md), and the console shows them the customer's view of any booking.
 * Returns true when ready.
 */
export function useSessionGate(role: GateRole): boolean {
  const { session } = stores;
  const status = session.status;
  const userRole = session.user?.role;
  useEffect(() => {
    if (status === 'unknown') void session.restore();
    if (status === 'signedOut') void nav.relaunch(ROUTES.login);
    if (status === 'signedIn' && userRole && userRole !== role) void nav.relaunch(homeRouteFor(userRole));
  }, [status, userRole, role, session]);
  return status === 'signedIn' && userRole === role;
}
