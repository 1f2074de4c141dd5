import Taro from '@tarojs/taro';

/** Every page path, in one place (sub-packages included). */
export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  escort: '/booking/pages/escort/index',
  bookWho: '/booking/pages/who/index',
  bookType: '/booking/pages/type/index',
  bookAddress: '/booking/pages/address/index',
  bookTime: '/booking/pages/time/index',
  bookConfirm: '/booking/pages/confirm/index',
  bookDepartment: '/booking/pages/department/index',
  bookNeeds: '/booking/pages/needs/index',
  bookNewAddress: '/booking/pages/new-address/index',
  visit: '/visit/pages/detail/index',
  visits: '/visit/pages/list/index',
  visitCancel: '/visit/pages/cancel/index',
  visitReschedule: '/visit/pages/reschedule/index',
  visitRate: '/visit/pages/rate/index',
  visitComplaint: '/visit/pages/complaint/index',
  me: '/pages/me/index',
  staffTasks: '/staff/pages/tasks/index',
  staffTask: '/staff/pages/task/index',
  staffSignature: '/staff/pages/signature/index',
  staffAvailability: '/staff/pages/availability/index',
  staffJoin: '/staff/pages/join/index',
  family: '/family/pages/list/index',
  familyInvite: '/family/pages/invite/index',
  familyConsent: '/family/pages/consent/index',
  familyLink: '/family/pages/link/index',
  dispatchConsole: '/dispatch/pages/console/index',
  dispatchBooking: '/dispatch/pages/booking/index',
  dispatchStaff: '/dispatch/pages/staff/index',
  dispatchNewStaff: '/dispatch/pages/new-staff/index',
  messages: '/messages/pages/list/index',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];

function withQuery(url: string, params?: Record<string, string>): string {
  if (!params) return url;
  const q = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return q ? `${url}?${q}` : url;
}

export const nav = {
  go: (route: Route, params?: Record<string, string>) => Taro.navigateTo({ url: withQuery(route, params) }).catch(() => undefined),
  replace: (route: Route, params?: Record<string, string>) => Taro.redirectTo({ url: withQuery(route, params) }).catch(() => undefined),
  relaunch: (route: Route, params?: Record<string, string>) => Taro.reLaunch({ url: withQuery(route, params) }).catch(() => undefined),
  back: (fallback: Route = ROUTES.home) => {
    if (Taro.getCurrentPages().length > 1) return Taro.navigateBack().catch(() => undefined);
    return Taro.reLaunch({ url: fallback }).catch(() => undefined);
  },
};
