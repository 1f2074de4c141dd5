/** Labels to tap for an address, so nothing needs typing but the address itself (TypeBox-free: the app imports it). */
export const ADDRESS_LABELS = ['家', '子女家', '其他'] as const;
export type AddressLabel = (typeof ADDRESS_LABELS)[number];
