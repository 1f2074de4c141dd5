/** The customer's soft matching preferences, as the app offers them (TypeBox-free: the app imports it). */

/** Dialects our staff speak, offered as taps (普通话 is spoken by everyone, so it is not a choice). */
export const DIALECT_CHOICES = ['上海话', '苏州话', '宁波话', '粤语', '四川话'] as const;
export type Dialect = (typeof DIALECT_CHOICES)[number];

export const STAFF_GENDER_LABELS = { female: '女士', male: '男士' } as const;
