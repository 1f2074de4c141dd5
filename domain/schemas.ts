/**
 * Request and response schemas of the API. They are JSON Schema (the server validates with them
 * and publishes them as OpenAPI) and TypeScript types (Static<>) at once. TypeBox's Value module
 * checks them without generating code at run time, so the mini-program can use them too.
 */
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { ERROR_CATALOG } from './errors';
import { ACTOR_ROLES, VISIT_ACTIONS, VISIT_STATUSES } from './lifecycle';
import { CLAIM_TYPES, DEPARTMENTS, MOBILITY_NEEDS, SERVICE_TYPES } from './services';
import { DOCUMENT_STATUSES, ESCORT_MILESTONES } from './visit-record';

/** A union of string literals whose static type stays the literal union (not `string`). */
type LiteralUnion<T extends readonly string[]> = TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
export const literals = <T extends readonly string[]>(values: T): LiteralUnion<T> =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as LiteralUnion<T>;

// Canonical form only: JSON Schema's uuid format also accepts 'urn:uuid:…', which PostgreSQL refuses.
export const IdSchema = Type.String({ format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });
export const InstantSchema = Type.String({ format: 'date-time', description: 'UTC instant, ISO 8601' });
export const VisitStatusSchema = literals(VISIT_STATUSES);
export const VisitActionSchema = literals(VISIT_ACTIONS);
export const ActorRoleSchema = literals(ACTOR_ROLES);
export const ServiceTypeSchema = literals(SERVICE_TYPES);
export const ClaimTypeSchema = literals(CLAIM_TYPES);
export const AccountRoleSchema = literals(['customer', 'staff', 'dispatcher'] as const);
export type AccountRole = Static<typeof AccountRoleSchema>;

export const ErrorResponseSchema = Type.Object({
  code: literals(Object.keys(ERROR_CATALOG) as (keyof typeof ERROR_CATALOG)[]),
  message: Type.String({ description: 'Chinese, for the person using the app' }),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type ErrorResponse = Static<typeof ErrorResponseSchema>;

// ---- sign-in ----

export const DevLoginBodySchema = Type.Object({ userId: IdSchema }, { additionalProperties: false });
export const WechatLoginBodySchema = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const ElderRefSchema = Type.Object({ id: IdSchema, name: Type.String() });
export const UserViewSchema = Type.Object({
  id: IdSchema,
  role: AccountRoleSchema,
  name: Type.String(),
  /** For customers: elders this person may book for (themselves first if they are one). */
  bookFor: Type.Array(ElderRefSchema),
  staffNo: Type.Optional(Type.String()),
});
export type UserView = Static<typeof UserViewSchema>;

export const SessionResponseSchema = Type.Object({ token: Type.String(), user: UserViewSchema });
export type SessionResponse = Static<typeof SessionResponseSchema>;

export const DemoUserSchema = Type.Object({
  id: IdSchema,
  role: AccountRoleSchema,
  name: Type.String(),
  description: Type.String(),
});
export const DemoUsersResponseSchema = Type.Array(DemoUserSchema);
export type DemoUser = Static<typeof DemoUserSchema>;

// ---- addresses and slots ----

export const AddressSchema = Type.Object({
  id: IdSchema,
  elderId: IdSchema,
  label: Type.String(),
  text: Type.String(),
  district: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
});
export type Address = Static<typeof AddressSchema>;
export const AddressListSchema = Type.Array(AddressSchema);
export const AddressQuerySchema = Type.Object({ elderId: Type.Optional(IdSchema) }, { additionalProperties: false });

export const SlotsQuerySchema = Type.Object(
  {
    serviceType: ServiceTypeSchema,
    claimType: Type.Optional(ClaimTypeSchema),
    addressId: IdSchema,
    /** Escort only: the staff member collects the person at home (the visit window starts earlier). */
    pickUp: Type.Optional(Type.Boolean()),
    /** Escort only: without pick-up the staff member meets the person there, so distance is from the hospital. */
    hospitalId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' })),
  },
  { additionalProperties: false },
);
export type SlotsQuery = Static<typeof SlotsQuerySchema>;

export const SlotViewSchema = Type.Object({
  start: InstantSchema,
  end: InstantSchema,
  date: Type.String(),
  period: literals(['morning', 'afternoon'] as const),
  label: Type.String(),
  /** Escort only: the hospital appointment this visit window was derived from. */
  appointmentAt: Type.Optional(InstantSchema),
  /** When moving a visit: the current dedicated person is free then (such slots are listed first). */
  sameStaff: Type.Optional(Type.Boolean()),
});
export const SlotDaySchema = Type.Object({ date: Type.String(), label: Type.String(), slots: Type.Array(SlotViewSchema) });
export const SlotsResponseSchema = Type.Object({ days: Type.Array(SlotDaySchema) });
export type SlotsResponse = Static<typeof SlotsResponseSchema>;
export type SlotView = Static<typeof SlotViewSchema>;

// ---- bookings ----

export const DepartmentSchema = literals(DEPARTMENTS);
export const MobilityNeedSchema = literals(MOBILITY_NEEDS);
/** Whose phone the staff member calls: the elder's own, or the family member who booked. */
export const ContactChoiceSchema = literals(['elder', 'booker'] as const);
export type ContactChoice = Static<typeof ContactChoiceSchema>;

/** What an escort needs: all taps (the hospital is searched or picked from recent ones). */
export const EscortDetailsSchema = Type.Object(
  {
    hospitalId: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
    department: DepartmentSchema,
    /** The hospital appointment (UTC instant); the visit window is derived from it and pickUp. */
    appointmentAt: InstantSchema,
    pickUp: Type.Boolean(),
    mobility: Type.Array(MobilityNeedSchema, { maxItems: MOBILITY_NEEDS.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type EscortDetails = Static<typeof EscortDetailsSchema>;

/**
 * One object for both services rather than a union: Fastify's validator strips unknown properties
 * while trying union branches, which would drop the escort details. The server checks that a
 * claim has claimType + slotStart and an escort has escort (and neither has the other's fields).
 */
export const CreateBookingBodySchema = Type.Object(
  {
    serviceType: ServiceTypeSchema,
    /** Claims only. */
    claimType: Type.Optional(ClaimTypeSchema),
    /** Whom the visit is for; defaults to the signed-in elder. */
    elderId: Type.Optional(IdSchema),
    addressId: IdSchema,
    /** Claims only: an offered slot start. */
    slotStart: Type.Optional(InstantSchema),
    /** Escorts only. */
    escort: Type.Optional(EscortDetailsSchema),
    note: Type.Optional(Type.String({ maxLength: 200 })),
    /** Default: the elder. */
    contact: Type.Optional(ContactChoiceSchema),
  },
  { additionalProperties: false },
);
export type CreateBookingBody = Static<typeof CreateBookingBodySchema>;

/** Sent as the Idempotency-Key header: the same key retried yields the same booking. */
export const IdempotencyKeySchema = Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });

export const StaffCardSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  /** How people call them: 王师傅 / 李老师. */
  title: Type.String(),
  staffNo: Type.String(),
  photoUrl: Type.String(),
  dialects: Type.Array(Type.String()),
  rating: Type.Number(),
});
export type StaffCard = Static<typeof StaffCardSchema>;

export const TimelineEntrySchema = Type.Object({
  id: Type.String(),
  at: InstantSchema,
  fromStatus: Type.Union([VisitStatusSchema, Type.Null()]),
  toStatus: VisitStatusSchema,
  actorRole: ActorRoleSchema,
  text: Type.String({ description: 'the event in plain Chinese' }),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export const EscortViewSchema = Type.Object({
  hospitalId: Type.String(),
  hospitalName: Type.String(),
  department: DepartmentSchema,
  appointmentAt: InstantSchema,
  pickUp: Type.Boolean(),
  mobility: Type.Array(MobilityNeedSchema),
});
export type EscortView = Static<typeof EscortViewSchema>;

// ---- the day of the visit, as the customer sees it (the staff side is in schemas-staff.ts) ----

/** While the staff member travels: an estimate only, never their coordinates. */
export const ArrivalEstimateSchema = Type.Object({
  at: InstantSchema,
  distanceKm: Type.Number(),
  /** When the staff member's phone last reported its location. */
  updatedAt: InstantSchema,
});
export type ArrivalEstimate = Static<typeof ArrivalEstimateSchema>;

export const RecordMilestoneSchema = Type.Object({
  key: literals(ESCORT_MILESTONES),
  label: Type.String(),
  doneAt: Type.Union([InstantSchema, Type.Null()]),
});

/** What the customer and family see of the visit record: what was collected, what was taken away. */
export const CustomerRecordSchema = Type.Object({
  documents: Type.Array(
    Type.Object({ label: Type.String(), status: literals(DOCUMENT_STATUSES), originalTaken: Type.Boolean(), photoCount: Type.Integer() }),
  ),
  milestones: Type.Array(RecordMilestoneSchema),
  /** 原件交接单: originals the staff member took away. */
  handover: Type.Array(Type.Object({ label: Type.String() })),
  signedAt: Type.Union([InstantSchema, Type.Null()]),
});
export type CustomerRecord = Static<typeof CustomerRecordSchema>;

export const BookingViewSchema = Type.Object({
  id: IdSchema,
  status: VisitStatusSchema,
  statusLabel: Type.String(),
  version: Type.Integer(),
  serviceType: ServiceTypeSchema,
  claimType: Type.Union([ClaimTypeSchema, Type.Null()]),
  elder: ElderRefSchema,
  slotStart: InstantSchema,
  slotEnd: InstantSchema,
  address: Type.Object({ label: Type.String(), text: Type.String() }),
  note: Type.Union([Type.String(), Type.Null()]),
  /** Escorts: hospital, department, appointment, pick-up and mobility needs as booked. */
  escort: Type.Optional(Type.Union([EscortViewSchema, Type.Null()])),
  /** Whose phone the staff member calls. */
  contact: Type.Optional(ContactChoiceSchema),
  staff: Type.Union([StaffCardSchema, Type.Null()]),
  matchReasons: Type.Array(Type.String()),
  timeline: Type.Array(TimelineEntrySchema),
  /** What the signed-in person may do now, from the state machine. */
  allowedActions: Type.Array(VisitActionSchema),
  /** Until this instant the customer or family may cancel or move the visit in the app; after it, by phone. */
  changeDeadline: InstantSchema,
  /** The one-time door code (visit passport): only for the elder and consenting family, from confirmation until arrival. */
  doorCode: Type.Union([Type.String({ pattern: '^[0-9]{6}$' }), Type.Null()]),
  /** While the staff member is on the way (en_route) and their phone shares its location. */
  eta: Type.Optional(Type.Union([ArrivalEstimateSchema, Type.Null()])),
  /** Once the staff member has arrived: what they recorded (documents, originals taken, signature). */
  record: Type.Optional(Type.Union([CustomerRecordSchema, Type.Null()])),
  createdAt: InstantSchema,
});
export type BookingView = Static<typeof BookingViewSchema>;
export const BookingListSchema = Type.Array(BookingViewSchema);

export const BookingParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });

/** A staff member's view of a task: the address only while the visit is theirs. */
export const StaffTaskSchema = Type.Object({
  id: IdSchema,
  status: VisitStatusSchema,
  statusLabel: Type.String(),
  version: Type.Integer(),
  serviceType: ServiceTypeSchema,
  claimType: Type.Union([ClaimTypeSchema, Type.Null()]),
  customerName: Type.String({ description: 'masked: 张** ' }),
  slotStart: InstantSchema,
  slotEnd: InstantSchema,
  address: Type.Object({ label: Type.String(), text: Type.String(), district: Type.String() }),
  note: Type.Union([Type.String(), Type.Null()]),
  /** While offered: the staff member must answer before this instant, or the offer goes to someone else. */
  offerExpiresAt: Type.Union([InstantSchema, Type.Null()]),
  /** Only once they confirmed, while the visit is theirs. */
  customerPhone: Type.Union([Type.String(), Type.Null()]),
  allowedActions: Type.Array(VisitActionSchema),
});
export type StaffTask = Static<typeof StaffTaskSchema>;
export const StaffTaskListSchema = Type.Array(StaffTaskSchema);

export const TransitionBodySchema = Type.Object(
  {
    /** The version the person saw; a stale one is refused with VERSION_CONFLICT. */
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBodySchema>;

export const HealthResponseSchema = Type.Object({
  status: Type.Literal('ok'),
  database: literals(['pglite', 'postgres'] as const),
  uptimeSeconds: Type.Number(),
});

export type { Static, TSchema };
