/**
 * The customer's matching preferences (我的 → 服务偏好). Soft preferences only: the matching
 * engine weighs them, it never refuses a visit because of them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IdSchema } from './schemas';

/** Dialects our staff speak, offered as taps (普通话 is spoken by everyone, so it is not a choice). */
export const DIALECT_CHOICES = ['上海话', '苏州话', '宁波话', '粤语', '四川话'] as const;
export type Dialect = (typeof DIALECT_CHOICES)[number];

export const STAFF_GENDER_LABELS = { female: '女士', male: '男士' } as const;

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
