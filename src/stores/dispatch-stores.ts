/** The dispatch console's stores, made and reset together (a dispatcher signs out at a shared desk). */
import type { DispatchApi } from '@/api/dispatch-api';
import { DispatchBookingStore } from './dispatch-booking-store';
import { DispatchConsoleStore } from './dispatch-console-store';
import { DispatchNewStaffStore } from './dispatch-new-staff-store';
import { DispatchRosterStore } from './dispatch-roster-store';

export interface DispatchStores {
  console: DispatchConsoleStore;
  booking: DispatchBookingStore;
  roster: DispatchRosterStore;
  newStaff: DispatchNewStaffStore;
  /** Forget everything shown (sign-out). */
  reset(): void;
}

export function createDispatchStores(api: DispatchApi, now: () => Date = () => new Date()): DispatchStores {
  const stores = {
    console: new DispatchConsoleStore(api, now),
    booking: new DispatchBookingStore(api),
    roster: new DispatchRosterStore(api, now),
    newStaff: new DispatchNewStaffStore(api),
  };
  return {
    ...stores,
    reset: () => Object.values(stores).forEach((s) => s.reset()),
  };
}

export { DispatchBookingStore, DispatchConsoleStore, DispatchNewStaffStore, DispatchRosterStore };
