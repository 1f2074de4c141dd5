/**
 * Schemas of the field staff workbench: the task list and a task's detail, what is recorded on
 * the day (documents, assessment notes, escort milestones, signature), the location shared while
 * travelling, the staff member's own availability, and joining through a dispatcher's invitation.
 * Values the app needs live in visit-record.ts (TypeBox-free); see docs/api-contract.md.
 */
import { Type, type Static } from '@sinclair/typebox';
import { BookingFileSchema } from './schemas-booking';
import { EscortViewSchema, IdSchema, literals, InstantSchema, MobilityNeedSchema, RecordMilestoneSchema, StaffTaskSchema } from './schemas';
import { InvitationTokenSchema } from './schemas-family';
import { LocationSchema } from './schemas-lifecycle';
import { DOCUMENT_KEY_PATTERN, DOCUMENT_STATUSES, ESCORT_MILESTONES } from './visit-record';
import { SKILLS } from './services';

const union = literals;

// ---- the task list ----

/** What the staff member should know before knocking: from the booking and the elder's preferences. */
export const TaskNeedsSchema = Type.Object({
  mobility: Type.Array(MobilityNeedSchema),
  /** The elder's dialect, when they set one (方言). */
  dialect: Type.Union([Type.String(), Type.Null()]),
  hardOfHearing: Type.Boolean(),
});
export type TaskNeeds = Static<typeof TaskNeedsSchema>;

/** Travel from the previous visit of the same day, or from the staff member's base for the first. */
export const TravelLegSchema = Type.Object({
  from: union(['previous_visit', 'base'] as const),
  distanceKm: Type.Number(),
  minutes: Type.Integer(),
});
export type TravelLeg = Static<typeof TravelLegSchema>;

/** A task card: the core task plus what the list shows about it. */
export const StaffTaskCardSchema = Type.Composite([
  StaffTaskSchema,
  Type.Object({
    needs: TaskNeedsSchema,
    escort: Type.Union([EscortViewSchema, Type.Null()]),
    travel: Type.Union([TravelLegSchema, Type.Null()]),
    /** Photos the customer took before the visit. */
    customerPhotoCount: Type.Integer(),
  }),
]);
export type StaffTaskCard = Static<typeof StaffTaskCardSchema>;

export const StaffTaskBoardSchema = Type.Object({
  /** Offers waiting for an answer, soonest deadline first. */
  offers: Type.Array(StaffTaskCardSchema),
  /** Confirmed and under-way visits of today (China time), and today's finished ones, in time order. */
  today: Type.Array(StaffTaskCardSchema),
  /** Confirmed visits after today, in time order. */
  upcoming: Type.Array(StaffTaskCardSchema),
});
export type StaffTaskBoard = Static<typeof StaffTaskBoardSchema>;

// ---- the record of a visit ----

export const RecordDocumentSchema = Type.Object({
  key: Type.String({ pattern: DOCUMENT_KEY_PATTERN }),
  label: Type.String(),
  status: union(DOCUMENT_STATUSES),
  /** The staff member took the original away (it appears on the handover receipt). */
  originalTaken: Type.Boolean(),
  photoIds: Type.Array(IdSchema),
});
export type RecordDocument = Static<typeof RecordDocumentSchema>;

export const VisitRecordSchema = Type.Object({
  /** Claim visits only (empty for escorts). */
  documents: Type.Array(RecordDocumentSchema),
  assessment: Type.Object({ required: Type.Boolean(), notes: Type.Union([Type.String(), Type.Null()]) }),
  /** Escort visits only (empty for claims). */
  milestones: Type.Array(RecordMilestoneSchema),
  signature: Type.Union([Type.Object({ fileId: IdSchema, url: Type.String(), signedAt: InstantSchema }), Type.Null()]),
  /** 原件交接单: the originals the staff member took away, for the customer to keep track of. */
  handover: Type.Array(Type.Object({ label: Type.String() })),
  /** In Chinese: what is still needed before 完成; empty when the visit can be finished. */
  blockers: Type.Array(Type.String()),
});
export type VisitRecord = Static<typeof VisitRecordSchema>;

export const StaffTaskDetailSchema = Type.Object({
  task: StaffTaskCardSchema,
  record: VisitRecordSchema,
  /** The customer's photos and those the staff member took (kind tells which). */
  files: Type.Array(BookingFileSchema),
});
export type StaffTaskDetail = Static<typeof StaffTaskDetailSchema>;

export const DocumentParamsSchema = Type.Object(
  { id: IdSchema, key: Type.String({ pattern: DOCUMENT_KEY_PATTERN }) },
  { additionalProperties: false },
);
export const MilestoneParamsSchema = Type.Object({ id: IdSchema, key: union(ESCORT_MILESTONES) }, { additionalProperties: false });

/** Setting a document's state is idempotent: the same body twice leaves the same record. */
export const DocumentBodySchema = Type.Object(
  { status: union(DOCUMENT_STATUSES), originalTaken: Type.Boolean() },
  { additionalProperties: false },
);
export type DocumentBody = Static<typeof DocumentBodySchema>;

/** `at`: when it happened on the phone (sent later when offline); the server keeps it within the visit. */
export const MilestoneBodySchema = Type.Object(
  { done: Type.Boolean(), at: Type.Optional(InstantSchema) },
  { additionalProperties: false },
);
export type MilestoneBody = Static<typeof MilestoneBodySchema>;

export const AssessmentBodySchema = Type.Object(
  { notes: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type AssessmentBody = Static<typeof AssessmentBodySchema>;

/** Which checklist item a staff photo belongs to (query string of the upload). */
export const StaffPhotoQuerySchema = Type.Object(
  { item: Type.String({ pattern: DOCUMENT_KEY_PATTERN }) },
  { additionalProperties: false },
);

export const LocationPingBodySchema = LocationSchema;

// ---- availability ----

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
export const WeeklyHoursSchema = Type.Record(
  Type.String({ pattern: '^[1-7]$' }),
  Type.Array(Type.Tuple([HHMM, HHMM]), { maxItems: 3 }),
);

export const CertificateSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  number: Type.String({ minLength: 1, maxLength: 40 }),
  validUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});
export type Certificate = Static<typeof CertificateSchema>;

export const LeaveViewSchema = Type.Object({
  id: IdSchema,
  from: InstantSchema,
  to: InstantSchema,
  reason: Type.String(),
  byDispatcher: Type.Boolean(),
  /** Only leave that has not started yet can be withdrawn. */
  canCancel: Type.Boolean(),
});
export type LeaveView = Static<typeof LeaveViewSchema>;

export const ServiceAreaSchema = Type.Object(
  { district: Type.String({ minLength: 2, maxLength: 10 }), radiusKm: Type.Number({ minimum: 1, maximum: 50 }) },
  { additionalProperties: false },
);
export type ServiceArea = Static<typeof ServiceAreaSchema>;

export const StaffAvailabilitySchema = Type.Object({
  workingHours: WeeklyHoursSchema,
  leave: Type.Array(LeaveViewSchema),
  area: ServiceAreaSchema,
  /** Set by the dispatcher, shown to the staff member. */
  skills: Type.Array(union(SKILLS)),
  certificates: Type.Array(CertificateSchema),
  dialects: Type.Array(Type.String()),
  dailyCap: Type.Integer(),
});
export type StaffAvailability = Static<typeof StaffAvailabilitySchema>;

export const WorkingHoursBodySchema = Type.Object({ workingHours: WeeklyHoursSchema }, { additionalProperties: false });
export type WorkingHoursBody = Static<typeof WorkingHoursBodySchema>;

export const LeaveParamsSchema = Type.Object({ leaveId: IdSchema }, { additionalProperties: false });

// ---- joining through a dispatcher's invitation ----

export const StaffInviteTokenBodySchema = Type.Object({ token: InvitationTokenSchema }, { additionalProperties: false });
/** With WeChat configured, `code` from wx.login binds this WeChat to the staff account. */
export const StaffInviteAcceptBodySchema = Type.Object(
  { token: InvitationTokenSchema, code: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })) },
  { additionalProperties: false },
);
export type StaffInviteAcceptBody = Static<typeof StaffInviteAcceptBodySchema>;

export const StaffInvitePreviewSchema = Type.Object({
  name: Type.String(),
  staffNo: Type.String(),
  expiresAt: InstantSchema,
});
export type StaffInvitePreview = Static<typeof StaffInvitePreviewSchema>;
