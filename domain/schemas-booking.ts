/** Schemas of booking details beyond the core booking: saving an address (typed or from the map). */
import { Type, type Static } from '@sinclair/typebox';
import { IdSchema } from './schemas';

/** Labels to tap for an address, so nothing needs typing but the address itself. */
export const ADDRESS_LABELS = ['家', '子女家', '其他'] as const;

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
