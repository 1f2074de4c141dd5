/**
 * A tour of every page of the app, each reached the way the person who uses it reaches it: an
 * elder, a family member, a staff member, or someone not signed in yet. The list of pages comes
 * from `src/app.config.ts`, so a page added there without a stop here is caught by the test.
 *
 * Each stop starts from a freshly loaded app in a browser where that person is signed in, and
 * ends with the page on screen (checked by its route). Pages that need an `id` get real data
 * made through the API beforehand (`makeTourData`).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { currentPage, onRoute } from './browser';

export type Person = 'elder' | 'family' | 'invitedElder' | 'staff' | 'signedOut';

/** Real data the tour needs, made through the API on first use (one stop's failure stays its own). */
export interface TourData {
  /** A claim visit the elder booked, offered to `staffName`. */
  upcomingVisit(): Promise<{ id: string; staffName: string }>;
  /** A claim visit the staff member has completed, ready to be rated. */
  completedVisit(): Promise<{ id: string }>;
  /** The family member's link to the elder (the family pages' `id`). */
  familyLinkId(): Promise<string>;
  /** An invitation from 陈磊 to his mother 王桂兰, opened on her phone. */
  invitationToken(): Promise<string>;
  /** A session of the seeded dispatcher 周敏 (dev login by the seed's fixed id). */
  dispatcherToken(): Promise<string>;
  /** A dispatcher's invitation for a new staff member, not yet opened. */
  staffInviteToken(): Promise<string>;
}

export interface TourStop {
  as: Person;
  /** Puts the page on screen; `open` loads the app afresh at a route. */
  reach: (page: Page, open: Opener, data: TourData) => Promise<void>;
}

export type Opener = (route: string, params?: Record<string, string>) => Promise<void>;

/** The people behind each role, by the name the login page shows (demo users). */
export const PEOPLE = { elder: '张秀英', family: '李伟', invitedElder: '王桂兰', inviter: '陈磊' } as const;

/** Every page route (`/pages/index/index`, `/booking/pages/who/index`…) in app.config order. */
export function appPages(): string[] {
  const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown };
  g.defineAppConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.resolve(__dirname, '../../../src/app.config.ts'));
  const config = (mod.default ?? mod) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
  const sub = (config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));
  return [...config.pages, ...sub].map((p) => `/${p}`);
}

const tap = (page: Page, name: RegExp) => currentPage(page).getByRole('button', { name }).first().click();

/** The first choice on the page on screen (claim type, address, hospital…): a pressable button. */
async function chooseFirst(page: Page) {
  const choice = currentPage(page).locator('[role=button][aria-pressed], [role=radio]').first();
  await choice.waitFor({ timeout: 20_000 });
  await choice.click();
}

type Step = { route: string; leave: (page: Page) => Promise<void> };

// The claim booking as an elder taps through it from the home page.
const CLAIM_STEPS: Step[] = [
  {
    route: '/booking/pages/type/index',
    leave: async (page) => {
      await chooseFirst(page);
      await tap(page, /下一步/);
    },
  },
  { route: '/booking/pages/address/index', leave: (page) => chooseFirst(page) },
  {
    route: '/booking/pages/time/index',
    leave: async (page) => {
      const slot = currentPage(page).locator('#slots [role=button], #slots [role=radio]').first();
      await slot.waitFor({ timeout: 20_000 });
      await slot.click();
      await tap(page, /^下一步/);
    },
  },
  { route: '/booking/pages/confirm/index', leave: async () => undefined },
];

// The escort booking: hospital, department, then pick-up and needs.
const ESCORT_STEPS: Step[] = [
  { route: '/booking/pages/escort/index', leave: (page) => chooseFirst(page) },
  { route: '/booking/pages/department/index', leave: (page) => chooseFirst(page) },
  { route: '/booking/pages/needs/index', leave: async () => undefined },
];

/** From the home page into a booking, up to (and showing) `route`. */
async function bookUpTo(page: Page, open: Opener, entry: RegExp, steps: Step[], route: string) {
  await open('/pages/index/index');
  await tap(page, entry);
  for (const step of steps) {
    await onRoute(page, step.route);
    if (step.route === route) return;
    await step.leave(page);
  }
  throw new Error(`${route} is not a step of this booking`);
}

const claimUpTo = (route: string) => (page: Page, open: Opener) => bookUpTo(page, open, /^上门理赔/, CLAIM_STEPS, route);
const escortUpTo = (route: string) => (page: Page, open: Opener) => bookUpTo(page, open, /^就医陪诊/, ESCORT_STEPS, route);
const withId = (route: string, id: (d: TourData) => Promise<string>) => async (_p: Page, open: Opener, d: TourData) => open(route, { id: await id(d) });
const upcoming = async (d: TourData) => (await d.upcomingVisit()).id;

/**
 * The dispatch console, signed in as the dispatcher. The login page lists customers and staff
 * only, so the stop starts signed out and puts the dispatcher's session where the app keeps it
 * (Taro H5 stores values as {"data": …}) before loading the page.
 */
const asDispatcher =
  (route: string, id?: (d: TourData) => Promise<string>) =>
  async (page: Page, open: Opener, d: TourData): Promise<void> => {
    const token = await d.dispatcherToken();
    await open('/pages/login/index');
    await page.evaluate((t) => localStorage.setItem('homevisit.token', JSON.stringify({ data: t })), token);
    await open(route, id ? { id: await id(d) } : {});
  };

export const TOUR: Record<string, TourStop> = {
  '/pages/index/index': { as: 'elder', reach: (_p, open) => open('/pages/index/index') },
  '/pages/login/index': { as: 'signedOut', reach: (_p, open) => open('/pages/login/index') },
  '/pages/me/index': { as: 'elder', reach: (_p, open) => open('/pages/me/index') },
  '/booking/pages/who/index': {
    as: 'family',
    reach: async (page, open) => {
      await open('/pages/index/index');
      await tap(page, /^上门理赔/);
    },
  },
  // The claim type page with a type chosen: its document checklist is the page's point.
  '/booking/pages/type/index': {
    as: 'elder',
    reach: async (page, open) => {
      await claimUpTo('/booking/pages/type/index')(page, open);
      await chooseFirst(page);
    },
  },
  '/booking/pages/address/index': { as: 'elder', reach: claimUpTo('/booking/pages/address/index') },
  '/booking/pages/time/index': { as: 'elder', reach: claimUpTo('/booking/pages/time/index') },
  '/booking/pages/confirm/index': { as: 'elder', reach: claimUpTo('/booking/pages/confirm/index') },
  '/booking/pages/new-address/index': {
    as: 'elder',
    reach: async (page, open) => {
      await claimUpTo('/booking/pages/address/index')(page, open);
      await tap(page, /^添加新地址/);
    },
  },
  '/booking/pages/escort/index': { as: 'elder', reach: escortUpTo('/booking/pages/escort/index') },
  '/booking/pages/department/index': { as: 'elder', reach: escortUpTo('/booking/pages/department/index') },
  '/booking/pages/needs/index': { as: 'elder', reach: escortUpTo('/booking/pages/needs/index') },
  '/visit/pages/list/index': { as: 'elder', reach: (_p, open) => open('/visit/pages/list/index') },
  '/visit/pages/detail/index': { as: 'elder', reach: withId('/visit/pages/detail/index', upcoming) },
  '/visit/pages/cancel/index': { as: 'elder', reach: withId('/visit/pages/cancel/index', upcoming) },
  '/visit/pages/reschedule/index': { as: 'elder', reach: withId('/visit/pages/reschedule/index', upcoming) },
  '/visit/pages/complaint/index': { as: 'elder', reach: withId('/visit/pages/complaint/index', upcoming) },
  '/visit/pages/rate/index': { as: 'elder', reach: withId('/visit/pages/rate/index', async (d) => (await d.completedVisit()).id) },
  '/staff/pages/tasks/index': { as: 'staff', reach: (_p, open) => open('/staff/pages/tasks/index') },
  // The staff member's task and signing pages on the visit offered to them; joining opens signed out.
  '/staff/pages/task/index': { as: 'staff', reach: withId('/staff/pages/task/index', upcoming) },
  '/staff/pages/signature/index': { as: 'staff', reach: withId('/staff/pages/signature/index', upcoming) },
  '/staff/pages/availability/index': { as: 'staff', reach: (_p, open) => open('/staff/pages/availability/index') },
  '/staff/pages/join/index': { as: 'signedOut', reach: async (_p, open, d) => open('/staff/pages/join/index', { token: await d.staffInviteToken() }) },
  '/family/pages/list/index': { as: 'family', reach: (_p, open) => open('/family/pages/list/index') },
  '/family/pages/invite/index': { as: 'family', reach: (_p, open) => open('/family/pages/invite/index') },
  '/family/pages/link/index': { as: 'family', reach: withId('/family/pages/link/index', (d) => d.familyLinkId()) },
  '/family/pages/consent/index': {
    as: 'invitedElder',
    reach: async (_p, open, d) => open('/family/pages/consent/index', { token: await d.invitationToken() }),
  },
  '/dispatch/pages/console/index': { as: 'signedOut', reach: asDispatcher('/dispatch/pages/console/index') },
  '/dispatch/pages/booking/index': { as: 'signedOut', reach: asDispatcher('/dispatch/pages/booking/index', upcoming) },
  '/dispatch/pages/staff/index': { as: 'signedOut', reach: asDispatcher('/dispatch/pages/staff/index') },
  '/dispatch/pages/new-staff/index': { as: 'signedOut', reach: asDispatcher('/dispatch/pages/new-staff/index') },
  // 我的消息, from its entry on 我的 (after a visit of the elder's was done, so there are messages).
  '/messages/pages/list/index': {
    as: 'elder',
    reach: async (page, open, d) => {
      await d.completedVisit();
      await open('/pages/me/index');
      await tap(page, /^我的消息/);
    },
  },
};
