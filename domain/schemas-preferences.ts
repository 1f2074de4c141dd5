/**
 * The customer's matching preferences (我的 → 服务偏好). Soft preferences only: the matching
 * engine weighs them, it never refuses a visit because of them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DIALECT_CHOICES } from './preferences';
import { IdSchema } from './schemas';

export * from './preferences';

export const PreferencesSchema = Type.Object(
  {
    /** null: no preference. */
    dialect: Type.Union([...DIALECT_CHOICES.map((d) => Type.Literal(d)), Type.Null()]),
    preferredStaffGender: Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Preferences = Static<typeof PreferencesSchema>;

export const PreferencesQuerySchema = Type.Object(
  { elderId: Type.Optional(IdSchema) },
  { additionalProperties: false },
);
