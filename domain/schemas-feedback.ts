/**
 * Request and response schemas of the after-visit routes: a rating (once per visit) and
 * complaints with their promised response times (docs/api-contract.md).
 */
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, RATING_TAGS } from './feedback';
import { IdSchema, InstantSchema } from './schemas';

export * from './feedback';

type LiteralUnion<T extends readonly string[]> = TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
const literals = <T extends readonly string[]>(values: T): LiteralUnion<T> =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as LiteralUnion<T>;

export const RatingTagSchema = literals(RATING_TAGS);
export const ComplaintCategorySchema = literals(COMPLAINT_CATEGORIES);
export const ComplaintStatusSchema = literals(COMPLAINT_STATUSES);
const ShortText = Type.String({ maxLength: 200 });

export const RatingBodySchema = Type.Object(
  {
    stars: Type.Integer({ minimum: 1, maximum: 5 }),
    /** "How likely would you recommend us to a friend", 0–10. */
    nps: Type.Integer({ minimum: 0, maximum: 10 }),
    tags: Type.Array(RatingTagSchema, { maxItems: RATING_TAGS.length, uniqueItems: true }),
    comment: Type.Optional(ShortText),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBodySchema>;

export const RatingViewSchema = Type.Object({
  stars: Type.Integer(),
  nps: Type.Integer(),
  tags: Type.Array(RatingTagSchema),
  comment: Type.Union([Type.String(), Type.Null()]),
  createdAt: InstantSchema,
});
export type RatingView = Static<typeof RatingViewSchema>;

export const ComplaintBodySchema = Type.Object(
  {
    category: ComplaintCategorySchema,
    urgent: Type.Boolean(),
    text: Type.Optional(ShortText),
  },
  { additionalProperties: false },
);
export type ComplaintBody = Static<typeof ComplaintBodySchema>;

export const ComplaintViewSchema = Type.Object({
  id: IdSchema,
  bookingId: IdSchema,
  category: ComplaintCategorySchema,
  categoryLabel: Type.String(),
  urgent: Type.Boolean(),
  text: Type.Union([Type.String(), Type.Null()]),
  status: ComplaintStatusSchema,
  /** 已收到 / 处理中 / 已答复 */
  statusLabel: Type.String(),
  /** By when someone inside takes it up (urgent: 2 hours). */
  internalDeadline: InstantSchema,
  /** By when the customer gets an answer (urgent: 1 working day; others: 15 working days). */
  answerDeadline: InstantSchema,
  /** The promise in plain Chinese, with its deadline. */
  promise: Type.String(),
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([InstantSchema, Type.Null()]),
  createdAt: InstantSchema,
});
export type ComplaintView = Static<typeof ComplaintViewSchema>;
export const ComplaintListSchema = Type.Array(ComplaintViewSchema);

/** Everything after the visit, for its page: what may be done now and what was done. */
export const VisitFeedbackSchema = Type.Object({
  bookingId: IdSchema,
  canRate: Type.Boolean(),
  rating: Type.Union([RatingViewSchema, Type.Null()]),
  canComplain: Type.Boolean(),
  complaints: Type.Array(ComplaintViewSchema),
});
export type VisitFeedback = Static<typeof VisitFeedbackSchema>;

/** A dispatcher moves a complaint on; an answer is required to mark it answered. */
export const ComplaintProgressBodySchema = Type.Object(
  {
    status: literals(['in_progress', 'answered'] as const),
    answer: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ComplaintProgressBody = Static<typeof ComplaintProgressBodySchema>;

export const ComplaintParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });
