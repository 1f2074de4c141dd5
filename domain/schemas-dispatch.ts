/**
 * Schemas of the dispatch console beyond the queue and reassigning (schemas-lifecycle.ts): the
 * staff roster with today's load, creating staff accounts with an invitation, editing what only
 * a dispatcher sets (skills, certificates, area, cap), unlocking a door code, and the day's
 * service levels. See docs/api-contract.md.
 */
import { Type, type Static } from '@sinclair/typebox';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from './feedback';
import { IdSchema, InstantSchema, literals, StaffCardSchema } from './schemas';
import { InvitationTokenSchema } from './schemas-family';
import { CertificateSchema, LeaveViewSchema, ServiceAreaSchema, WeeklyHoursSchema } from './schemas-staff';
import { SKILLS } from './services';

const union = literals;
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the version the person saw' });
const Reason = Type.String({ minLength: 1, maxLength: 200 });
const ChinaDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'a day in China time, YYYY-MM-DD' });

/** A staff member as the roster shows them, with their load on the day asked for. */
export const RosterEntrySchema = Type.Object({
  staff: StaffCardSchema,
  gender: union(['male', 'female'] as const),
  phone: Type.Union([Type.String(), Type.Null()]),
  skills: Type.Array(union(SKILLS)),
  certificates: Type.Array(CertificateSchema),
  area: ServiceAreaSchema,
  workingHours: WeeklyHoursSchema,
  dailyCap: Type.Integer(),
  /** Matching offers them work only while active. */
  active: Type.Boolean(),
  /** They opened their invitation and signed in at least once. */
  joined: Type.Boolean(),
  load: Type.Object({
    /** Visits held that day (offered, confirmed, under way) and finished that day. */
    visits: Type.Integer(),
    completed: Type.Integer(),
    bookedMinutes: Type.Integer(),
  }),
  onLeaveNow: Type.Boolean(),
  /** Leave now and to come, soonest first: the console withdraws leave by its id (canCancel). */
  leave: Type.Optional(Type.Array(LeaveViewSchema)),
});
export type RosterEntry = Static<typeof RosterEntrySchema>;
export const RosterSchema = Type.Array(RosterEntrySchema);
export const RosterQuerySchema = Type.Object({ date: Type.Optional(ChinaDate) }, { additionalProperties: false });

export const StaffProfileBodySchema = Type.Object(
  {
    skills: Type.Array(union(SKILLS), { minItems: 1, uniqueItems: true }),
    certificates: Type.Array(CertificateSchema, { maxItems: 10 }),
    dialects: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 5, uniqueItems: true }),
    area: ServiceAreaSchema,
    dailyCap: Type.Integer({ minimum: 1, maximum: 12 }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type StaffProfileBody = Static<typeof StaffProfileBodySchema>;

/** A new staff account: the person joins by opening the invitation on their work phone. */
export const CreateStaffBodySchema = Type.Composite(
  [
    Type.Omit(StaffProfileBodySchema, ['active']),
    Type.Object({
      name: Type.String({ minLength: 2, maxLength: 20 }),
      staffNo: Type.String({ pattern: '^[A-Z0-9]{4,12}$', description: '工号' }),
      gender: union(['male', 'female'] as const),
      phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }),
    }),
  ],
  { additionalProperties: false },
);
export type CreateStaffBody = Static<typeof CreateStaffBodySchema>;

/** Shown once to the dispatcher (only a hash is kept): the link to send to the new staff member. */
export const StaffInvitationSchema = Type.Object({
  token: InvitationTokenSchema,
  expiresAt: InstantSchema,
  /** The mini-program path with the token (a QR code or a WeChat message opens it). */
  sharePath: Type.String(),
});
export type StaffInvitation = Static<typeof StaffInvitationSchema>;

export const CreateStaffResultSchema = Type.Object({ staff: RosterEntrySchema, invitation: StaffInvitationSchema });
export type CreateStaffResult = Static<typeof CreateStaffResultSchema>;

export const DoorCodeUnlockBodySchema = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export type DoorCodeUnlockBody = Static<typeof DoorCodeUnlockBodySchema>;

// ---- service levels of a day ----

export const ServiceLevelsQuerySchema = RosterQuerySchema;

export const OpenComplaintSchema = Type.Object({
  id: IdSchema,
  bookingId: IdSchema,
  category: union(COMPLAINT_CATEGORIES),
  urgent: Type.Boolean(),
  status: union(COMPLAINT_STATUSES),
  internalDeadline: InstantSchema,
  answerDeadline: InstantSchema,
  /** The next deadline that applies has passed. */
  overdue: Type.Boolean(),
});

export const ServiceLevelsSchema = Type.Object({
  date: ChinaDate,
  /** Bookings created that day, and how many were matched (first offer) within the target. */
  matching: Type.Object({
    targetMinutes: Type.Integer(),
    created: Type.Integer(),
    matchedInTime: Type.Integer(),
    matchedLate: Type.Integer(),
    notMatched: Type.Integer(),
  }),
  /** Visits of that day that have arrived: on time means by the window's start + graceMinutes (ARRIVAL_GRACE_MINUTES). */
  arrival: Type.Object({ arrived: Type.Integer(), onTime: Type.Integer(), late: Type.Integer(), graceMinutes: Type.Integer() }),
  noShows: Type.Object({ customer: Type.Integer(), staff: Type.Integer() }),
  /** Every complaint not yet answered (whatever day it was raised), soonest deadline first. */
  openComplaints: Type.Array(OpenComplaintSchema),
});
export type ServiceLevels = Static<typeof ServiceLevelsSchema>;
