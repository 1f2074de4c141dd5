/**
 * Request and response schemas of the lifecycle routes: customers and family changing a visit,
 * staff working it, dispatchers steering it (docs/api-contract.md).
 */
import { Type, type Static } from '@sinclair/typebox';
import { BookingViewSchema, IdSchema, InstantSchema, SlotDaySchema, StaffCardSchema } from './schemas';

const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the version the person saw' });
const Reason = Type.String({ minLength: 1, maxLength: 200 });

export const CancelBodySchema = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export type CancelBody = Static<typeof CancelBodySchema>;

export const RescheduleBodySchema = Type.Object(
  { version: Version, slotStart: InstantSchema, reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
export type RescheduleBody = Static<typeof RescheduleBodySchema>;

/** The slots a visit can move to; `sameStaff` marks those the current dedicated person can keep. */
export const RescheduleSlotsSchema = Type.Object({
  days: Type.Array(SlotDaySchema),
  staff: Type.Union([StaffCardSchema, Type.Null()]),
});
export type RescheduleSlots = Static<typeof RescheduleSlotsSchema>;

export const LocationSchema = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
export type Location = Static<typeof LocationSchema>;

/** Every staff action: the version seen; a reason for decline and no-show; the door code on arrival. */
export const StaffActionBodySchema = Type.Object(
  {
    version: Version,
    reason: Type.Optional(Reason),
    doorCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    location: Type.Optional(LocationSchema),
  },
  { additionalProperties: false },
);
export type StaffActionBody = Static<typeof StaffActionBodySchema>;

export const StaffActionParamsSchema = Type.Object(
  {
    id: IdSchema,
    action: Type.Union(
      ['confirm', 'decline', 'depart', 'arrive', 'start', 'complete', 'no-show'].map((a) => Type.Literal(a)),
    ),
  },
  { additionalProperties: false },
);

// ---- dispatch ----

export const ReassignBodySchema = Type.Object(
  { version: Version, staffId: IdSchema, reason: Reason },
  { additionalProperties: false },
);
export type ReassignBody = Static<typeof ReassignBodySchema>;

export const DispatchReasonBodySchema = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export type DispatchReasonBody = Static<typeof DispatchReasonBodySchema>;

export const StaffLeaveBodySchema = Type.Object(
  { from: InstantSchema, to: InstantSchema, reason: Reason },
  { additionalProperties: false },
);
export type StaffLeaveBody = Static<typeof StaffLeaveBodySchema>;

export const StaffLeaveResultSchema = Type.Object({
  leaveId: IdSchema,
  /** Visits of this person inside the leave that were matched again, all together. */
  affected: Type.Integer(),
  reassigned: Type.Integer(),
  unmatched: Type.Integer(),
});
export type StaffLeaveResult = Static<typeof StaffLeaveResultSchema>;

export const RematchResultSchema = Type.Omit(StaffLeaveResultSchema, ['leaveId']);
export type RematchResult = Static<typeof RematchResultSchema>;

export const StaffParamsSchema = Type.Object({ staffId: IdSchema }, { additionalProperties: false });

/** A booking as a dispatcher sees it: the customer's view plus what is at risk. */
export const DispatchBookingSchema = Type.Object({
  booking: BookingViewSchema,
  district: Type.String(),
  offerExpiresAt: Type.Union([InstantSchema, Type.Null()]),
  /** Too many wrong door codes: the staff member cannot check in until a dispatcher unlocks it. */
  doorCodeLocked: Type.Boolean(),
});
export type DispatchBooking = Static<typeof DispatchBookingSchema>;
export const DispatchQueueSchema = Type.Object({
  unmatched: Type.Array(DispatchBookingSchema),
  /** Offers nobody has answered yet, soonest deadline first. */
  expiringOffers: Type.Array(DispatchBookingSchema),
});
export type DispatchQueue = Static<typeof DispatchQueueSchema>;

/** Someone who could take a visit, as a dispatcher sees them when choosing by hand. */
export const DispatchCandidateSchema = Type.Object({
  staff: StaffCardSchema,
  distanceKm: Type.Number(),
  cost: Type.Number({ description: 'the engine’s weighted cost: lower is better' }),
  reasons: Type.Array(Type.String()),
});
export const DispatchCandidatesSchema = Type.Array(DispatchCandidateSchema);
export type DispatchCandidate = Static<typeof DispatchCandidateSchema>;
