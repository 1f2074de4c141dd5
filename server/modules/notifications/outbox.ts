/**
 * The writing side of the transactional outbox: called inside the transaction of a visit's
 * change (bookings/change-effects.ts), it leaves one message per person concerned, with the
 * deliveries to try. Nothing is sent here; the workers send after the commit, so a change is
 * never committed without its messages, and a message never exists for a change rolled back.
 */
import { staffTitle } from '@domain';
import type { Queryable } from '../../db';
import type { BookingRow } from '../bookings/repository';
import { followersOf } from '../family/repository';
import { maskName } from '../staff/cards';
import { insertNotifications, latestEvents, peopleOfVisit, type NewNotification } from './outbox-repository';
import { customerActor, customerKind, staffNotices, type ChangeFacts } from './recipients';
import { composeMessage, TEMPLATE_OF_KIND, type NotificationKind, type ReaderRole, type VisitFacts } from './wording';

/** The change as applyTransition reports it (a structural subset of VisitChange). */
export interface ChangeForOutbox {
  booking: BookingRow;
  from: ChangeFacts['from'];
  action: ChangeFacts['action'];
  actorId: string | null;
  at: Date;
}

export interface Addressee {
  userId: string;
  role: ReaderRole;
  kind: NotificationKind;
}

/** The elder and every consenting family member, minus whoever made the change. */
export async function followersAddressed(q: Queryable, elderId: string, kind: NotificationKind, except: string | null): Promise<Addressee[]> {
  const family = await followersOf(q, elderId);
  const people: Addressee[] = [{ userId: elderId, role: 'elder', kind }, ...family.map((f) => ({ userId: f.id, role: 'family' as const, kind }))];
  return people.filter((p) => p.userId !== except);
}

/** The facts the words are made of, read once per change. */
export async function visitFacts(q: Queryable, booking: BookingRow): Promise<VisitFacts> {
  const people = await peopleOfVisit(q, booking.elderId, booking.staffId);
  return {
    elderName: people.elderName,
    maskedElderName: maskName(people.elderName),
    serviceType: booking.serviceType,
    district: booking.addressDistrict,
    slotStart: new Date(booking.slotStart),
    slotEnd: new Date(booking.slotEnd),
    staffTitle: people.staffName && people.staffGender ? staffTitle(people.staffName, people.staffGender) : null,
    offerExpiresAt: booking.offerExpiresAt ? new Date(booking.offerExpiresAt) : null,
  };
}

/** Writes the messages for these people about this visit, once per cause. */
export async function writeMessages(q: Queryable, source: string, booking: BookingRow, people: readonly Addressee[], at: Date): Promise<number> {
  if (people.length === 0) return 0;
  const facts = await visitFacts(q, booking);
  const rows: NewNotification[] = people.map((p) => ({
    recipientId: p.userId,
    recipientRole: p.role,
    kind: p.kind,
    template: TEMPLATE_OF_KIND[p.kind],
    ...composeMessage(p.kind, p.role, facts),
  }));
  return insertNotifications(q, source, booking.id, rows, at);
}

export async function notifyVisitChange(q: Queryable, change: ChangeForOutbox): Promise<number> {
  const { current, previous } = await latestEvents(q, change.booking.id);
  if (!current) return 0;
  const facts: ChangeFacts = {
    action: change.action,
    from: change.from,
    actorId: change.actorId,
    staffId: change.booking.staffId,
    previousStaffId: previous?.staffId ?? null,
    previousAction: previous?.action ?? null,
    previousActorId: previous?.actorId ?? null,
  };
  const people: Addressee[] = [];
  const kind = customerKind(facts);
  if (kind) people.push(...(await followersAddressed(q, change.booking.elderId, kind, customerActor(facts))));
  people.push(...staffNotices(facts).map((s) => ({ userId: s.staffId, role: 'staff' as const, kind: s.kind })));
  return writeMessages(q, `event:${change.booking.id}:${current.seq}`, change.booking, people, change.at);
}
