/**
 * The lifecycle is checked against a table written out by hand from PRODUCT.md, independent of
 * the rules in domain/lifecycle.ts: every (status, action, role) is either in this table and
 * allowed, or refused with the right stable code.
 */
import {
  ACTOR_ROLES,
  DomainError,
  VISIT_ACTIONS,
  VISIT_STATUSES,
  allowedActions,
  transition,
  type ActorRole,
  type VisitAction,
  type VisitStatus,
} from '@domain';

const SPEC = `
submitted : start_matching(system)->matching | reschedule(customer,family)->matching | cancel(customer,family,dispatcher)->cancelled
matching  : offer(system)->offered | no_match(system)->unmatched | reassign(dispatcher)->offered | reschedule(customer,family)->matching | cancel(customer,family,dispatcher)->cancelled
offered   : confirm(staff)->confirmed | decline(staff)->matching | expire(system)->matching | reassign(dispatcher)->offered | rematch(system,dispatcher)->matching | reschedule(customer,family)->matching | cancel(customer,family,dispatcher)->cancelled
confirmed : depart(staff)->en_route | reassign(dispatcher)->offered | rematch(system,dispatcher)->matching | reschedule(customer,family)->matching | cancel(customer,family,staff,dispatcher)->cancelled | record_staff_no_show(dispatcher)->no_show_staff
en_route  : arrive(staff)->arrived | cancel(staff,dispatcher)->cancelled | report_customer_no_show(staff,dispatcher)->no_show_customer | record_staff_no_show(dispatcher)->no_show_staff
arrived   : start_service(staff)->in_service | cancel(staff,dispatcher)->cancelled | report_customer_no_show(staff,dispatcher)->no_show_customer
in_service: complete(staff)->completed | cancel(dispatcher)->cancelled
unmatched : reassign(dispatcher)->offered | rematch(system,dispatcher)->matching | reschedule(customer,family)->matching | cancel(customer,family,dispatcher)->cancelled
`;
const REASON_REQUIRED: VisitAction[] = ['decline', 'reassign', 'rematch', 'cancel', 'report_customer_no_show', 'record_staff_no_show'];
const TERMINAL: VisitStatus[] = ['completed', 'cancelled', 'no_show_customer', 'no_show_staff'];

type Allowed = { from: VisitStatus; action: VisitAction; role: ActorRole; to: VisitStatus };

function parseSpec(): Allowed[] {
  const rows: Allowed[] = [];
  for (const line of SPEC.trim().split('\n')) {
    const [from, rest] = line.split(':').map((s) => s.trim());
    for (const part of rest.split('|')) {
      const m = /^(\w+)\(([\w,]+)\)->(\w+)$/.exec(part.trim());
      if (!m) throw new Error(`bad spec: ${part}`);
      for (const role of m[2].split(',')) {
        rows.push({ from: from as VisitStatus, action: m[1] as VisitAction, role: role as ActorRole, to: m[3] as VisitStatus });
      }
    }
  }
  return rows;
}

const allowed = parseSpec();
const find = (from: VisitStatus, action: VisitAction, role: ActorRole) =>
  allowed.find((a) => a.from === from && a.action === action && a.role === role);

const refused: Array<{ from: VisitStatus; action: VisitAction; role: ActorRole; code: string }> = [];
for (const from of VISIT_STATUSES)
  for (const action of VISIT_ACTIONS)
    for (const role of ACTOR_ROLES)
      if (!find(from, action, role)) {
        const someoneMay = allowed.some((a) => a.from === from && a.action === action);
        refused.push({ from, action, role, code: someoneMay ? 'ROLE_NOT_ALLOWED' : 'TRANSITION_NOT_ALLOWED' });
      }

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'ALLOWED';
}

describe('visit lifecycle', () => {
  test('the spec covers every state and every action at least once', () => {
    expect(new Set(allowed.map((a) => a.action))).toEqual(new Set(VISIT_ACTIONS));
    const reached = new Set(allowed.flatMap((a) => [a.from, a.to]));
    expect(reached).toEqual(new Set(VISIT_STATUSES));
  });

  test.each(allowed)('$role may $action from $from → $to', ({ from, action, role, to }) => {
    const result = transition({ from, action, role, reason: '家里临时有事' });
    expect(result).toEqual({ from, to, action, role, reason: '家里临时有事' });
  });

  test.each(refused)('$role may not $action from $from ($code)', ({ from, action, role, code }) => {
    expect(refusal(() => transition({ from, action, role, reason: '原因' }))).toBe(code);
  });

  test.each(allowed.filter((a) => REASON_REQUIRED.includes(a.action)))(
    '$action by $role from $from needs a reason',
    ({ from, action, role }) => {
      expect(refusal(() => transition({ from, action, role }))).toBe('REASON_REQUIRED');
      expect(refusal(() => transition({ from, action, role, reason: '   ' }))).toBe('REASON_REQUIRED');
    },
  );

  test.each(allowed.filter((a) => !REASON_REQUIRED.includes(a.action)))(
    '$action by $role from $from needs no reason',
    ({ from, action, role }) => {
      expect(transition({ from, action, role }).reason).toBeNull();
    },
  );

  test.each(TERMINAL)('nothing leaves the terminal status %s', (status) => {
    for (const role of ACTOR_ROLES) expect(allowedActions(status, role)).toEqual([]);
  });

  test('allowedActions lists exactly the allowed actions for each status and role', () => {
    for (const from of VISIT_STATUSES)
      for (const role of ACTOR_ROLES) {
        const expected = VISIT_ACTIONS.filter((a) => find(from, a, role));
        expect({ from, role, actions: allowedActions(from, role) }).toEqual({ from, role, actions: expected });
      }
  });

  test('a refusal carries a Chinese message and an HTTP status', () => {
    try {
      transition({ from: 'completed', action: 'cancel', role: 'customer', reason: '不需要了' });
      throw new Error('should have refused');
    } catch (e) {
      const err = e as DomainError;
      expect(err.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(err.status).toBe(409);
      expect(err.userMessage).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
