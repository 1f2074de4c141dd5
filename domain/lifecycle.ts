/**
 * The visit lifecycle (PRODUCT.md) as one state machine: the single source of truth for which
 * status change is allowed, from where, and by whom. The server persists what `transition`
 * returns; the app asks `allowedActions` what to offer instead of re-deriving the rules.
 */
import { DomainError } from './errors';

export const VISIT_STATUSES = [
  'submitted',
  'matching',
  'offered',
  'confirmed',
  'en_route',
  'arrived',
  'in_service',
  'completed',
  'cancelled',
  'unmatched',
  'no_show_customer',
  'no_show_staff',
] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Who acts. `customer` is the elder who owns the booking; `family` a linked, consenting relative. */
export const ACTOR_ROLES = ['customer', 'family', 'staff', 'dispatcher', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const VISIT_ACTIONS = [
  'start_matching',
  'offer',
  'no_match',
  'confirm',
  'decline',
  'expire',
  'reassign',
  'rematch',
  'reschedule',
  'depart',
  'arrive',
  'start_service',
  'complete',
  'cancel',
  'report_customer_no_show',
  'record_staff_no_show',
] as const;
export type VisitAction = (typeof VISIT_ACTIONS)[number];

export const TERMINAL_STATUSES: readonly VisitStatus[] = ['completed', 'cancelled', 'no_show_customer', 'no_show_staff'];

/** Statuses in which a staff member's time is held by the visit (the database refuses overlaps). */
export const SLOT_HOLDING_STATUSES: readonly VisitStatus[] = ['offered', 'confirmed', 'en_route', 'arrived', 'in_service'];

/** The door code (visit passport) is shown from confirmation until the staff member used it at the door. */
export const DOOR_CODE_STATUSES: readonly VisitStatus[] = ['confirmed', 'en_route'];

/** The staff API's URL words (POST /api/staff/tasks/:id/<word>) and the lifecycle action each one is. */
export const STAFF_ACTIONS = {
  confirm: 'confirm',
  decline: 'decline',
  depart: 'depart',
  arrive: 'arrive',
  start: 'start_service',
  complete: 'complete',
  'no-show': 'report_customer_no_show',
} as const satisfies Record<string, VisitAction>;
export type StaffActionName = keyof typeof STAFF_ACTIONS;

/** Wrong door codes allowed before the check locks; a dispatcher must then unlock it. */
export const DOOR_CODE_MAX_FAILURES = 5;

/** The staff member sees the customer's phone only once they committed, until the visit is over. */
export const CONTACT_VISIBLE_STATUSES: readonly VisitStatus[] = ['confirmed', 'en_route', 'arrived', 'in_service'];

/** Before the staff member sets off, the customer or family may still cancel or move the visit. */
const BEFORE_DEPARTURE: VisitStatus[] = ['submitted', 'matching', 'offered', 'confirmed', 'unmatched'];
const ACTIVE: VisitStatus[] = VISIT_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

export interface TransitionRule {
  action: VisitAction;
  from: readonly VisitStatus[];
  to: VisitStatus;
  roles: readonly ActorRole[];
  /** A person must say why (decline, cancel, no-show…); the reason is kept on the event. */
  reasonRequired: boolean;
}

/** Every allowed transition. Anything not listed here is refused. */
export const TRANSITION_RULES: readonly TransitionRule[] = [
  { action: 'start_matching', from: ['submitted'], to: 'matching', roles: ['system'], reasonRequired: false },
  { action: 'offer', from: ['matching'], to: 'offered', roles: ['system'], reasonRequired: false },
  { action: 'no_match', from: ['matching'], to: 'unmatched', roles: ['system'], reasonRequired: false },
  { action: 'confirm', from: ['offered'], to: 'confirmed', roles: ['staff'], reasonRequired: false },
  { action: 'decline', from: ['offered'], to: 'matching', roles: ['staff'], reasonRequired: true },
  { action: 'expire', from: ['offered'], to: 'matching', roles: ['system'], reasonRequired: false },
  { action: 'reassign', from: ['matching', 'unmatched', 'offered', 'confirmed'], to: 'offered', roles: ['dispatcher'], reasonRequired: true },
  // Staff fell ill or went on leave: their offered and confirmed visits go back to matching.
  { action: 'rematch', from: ['unmatched', 'offered', 'confirmed'], to: 'matching', roles: ['system', 'dispatcher'], reasonRequired: true },
  { action: 'reschedule', from: BEFORE_DEPARTURE, to: 'matching', roles: ['customer', 'family'], reasonRequired: false },
  { action: 'depart', from: ['confirmed'], to: 'en_route', roles: ['staff'], reasonRequired: false },
  { action: 'arrive', from: ['en_route'], to: 'arrived', roles: ['staff'], reasonRequired: false },
  { action: 'start_service', from: ['arrived'], to: 'in_service', roles: ['staff'], reasonRequired: false },
  { action: 'complete', from: ['in_service'], to: 'completed', roles: ['staff'], reasonRequired: false },
  { action: 'cancel', from: BEFORE_DEPARTURE, to: 'cancelled', roles: ['customer', 'family'], reasonRequired: true },
  { action: 'cancel', from: ['confirmed', 'en_route', 'arrived'], to: 'cancelled', roles: ['staff'], reasonRequired: true },
  { action: 'cancel', from: ACTIVE, to: 'cancelled', roles: ['dispatcher'], reasonRequired: true },
  { action: 'report_customer_no_show', from: ['en_route', 'arrived'], to: 'no_show_customer', roles: ['staff', 'dispatcher'], reasonRequired: true },
  { action: 'record_staff_no_show', from: ['confirmed', 'en_route'], to: 'no_show_staff', roles: ['dispatcher'], reasonRequired: true },
];

export interface TransitionRequest {
  from: VisitStatus;
  action: VisitAction;
  role: ActorRole;
  reason?: string | null;
}

export interface TransitionResult {
  from: VisitStatus;
  to: VisitStatus;
  action: VisitAction;
  role: ActorRole;
  reason: string | null;
}

function ruleFor(from: VisitStatus, action: VisitAction, role: ActorRole): TransitionRule | undefined {
  return TRANSITION_RULES.find((r) => r.action === action && r.roles.includes(role) && r.from.includes(from));
}

/**
 * Decide a status change. Throws a DomainError with a stable code when it is not allowed:
 * TRANSITION_NOT_ALLOWED (no one may do this from here), ROLE_NOT_ALLOWED (someone may, not this
 * role), REASON_REQUIRED (allowed, but a reason is missing).
 */
export function transition(req: TransitionRequest): TransitionResult {
  const rule = ruleFor(req.from, req.action, req.role);
  if (!rule) {
    const anyone = TRANSITION_RULES.some((r) => r.action === req.action && r.from.includes(req.from));
    throw new DomainError(anyone ? 'ROLE_NOT_ALLOWED' : 'TRANSITION_NOT_ALLOWED', {
      from: req.from,
      action: req.action,
      role: req.role,
    });
  }
  const reason = req.reason?.trim() || null;
  if (rule.reasonRequired && !reason) {
    throw new DomainError('REASON_REQUIRED', { action: req.action });
  }
  return { from: req.from, to: rule.to, action: req.action, role: req.role, reason };
}

export function canTransition(from: VisitStatus, action: VisitAction, role: ActorRole): boolean {
  return ruleFor(from, action, role) !== undefined;
}

/** What this role may do to a visit in this status (the app shows exactly these buttons). */
export function allowedActions(from: VisitStatus, role: ActorRole): VisitAction[] {
  return VISIT_ACTIONS.filter((a) => canTransition(from, a, role));
}

export function isTerminal(status: VisitStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function holdsSlot(status: VisitStatus): boolean {
  return SLOT_HOLDING_STATUSES.includes(status);
}
