/** Schemas of booking details beyond the core booking: saving an address (typed or from the map). */
import { Type, type Static } from '@sinclair/typebox';
import { ADDRESS_LABELS } from './address-labels';
import { IdSchema } from './schemas';

export { ADDRESS_LABELS } from './address-labels';

/**
 * A new saved address. Typed: `text` + a tapped `district` (placed at the district's centre).
 * From the map: also `lat`/`lng` from Taro.chooseLocation. Saved for `elderId` (default: the
 * signed-in elder) when the caller may act for them.
 */
export const CreateAddressBodySchema = Type.Object(
  {
    elderId: Type.Optional(IdSchema),
    label: Type.Union(ADDRESS_LABELS.map((l) => Type.Literal(l))),
    text: Type.String({ minLength: 4, maxLength: 200 }),
    district: Type.String({ minLength: 2, maxLength: 10 }),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type CreateAddressBody = Static<typeof CreateAddressBodySchema>;

// ---- photos of claim documents, taken before the visit ----

/** At most this many bytes a photo; a phone's compressed photo is well below. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES_PER_BOOKING = 12;
export const FILE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const BookingFileSchema = Type.Object({
  id: IdSchema,
  bookingId: IdSchema,
  contentType: Type.Union(FILE_CONTENT_TYPES.map((t) => Type.Literal(t))),
  sizeBytes: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  /** GET it with the bearer token: only the elder, consenting family and the assigned staff may. */
  url: Type.String(),
  /** Who made it: the customer before the visit, the staff member during it, or the customer's signature. */
  kind: Type.Union([Type.Literal('customer'), Type.Literal('staff'), Type.Literal('signature')]),
  /** For staff photos: the checklist item (doc-0…) it shows. */
  itemKey: Type.Union([Type.String(), Type.Null()]),
});
export type BookingFile = Static<typeof BookingFileSchema>;
export const BookingFileListSchema = Type.Array(BookingFileSchema);
export const FileParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });
