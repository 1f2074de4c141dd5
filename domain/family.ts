/**
 * Family links in plain values (no schema library), so the mini-program's family pages can use
 * them without pulling TypeBox into their package. The API schemas are in schemas-family.ts.
 */
/** What the family member is to the elder, chosen by tap when inviting. */
export const FAMILY_RELATIONS = ['son', 'daughter', 'son_in_law', 'daughter_in_law', 'other'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

/** The chooser's words. */
export const RELATION_LABELS: Record<FamilyRelation, string> = {
  son: '儿子',
  daughter: '女儿',
  son_in_law: '女婿',
  daughter_in_law: '儿媳',
  other: '其他',
};

/**
 * How a relation reads in a sentence ("您的儿子", "您是她的女儿"). Links made before relations were
 * codes hold free text (e.g. 女婿); an unknown or missing one reads as 家人.
 */
export function relationWord(relation: string | null | undefined): string {
  if (!relation || relation === 'other') return '家人';
  return (RELATION_LABELS as Record<string, string>)[relation] ?? relation;
}

/** An invitation link stays usable this long (and only once). */
export const INVITATION_TTL_DAYS = 7;
/** At most this many invitations per family member in 24 hours (OWASP API4: limit resource use). */
export const INVITATIONS_PER_DAY = 20;

/** What the elder allows when consenting: shown on the consent page and the link page, word for word. */
export const FAMILY_PERMISSIONS = ['为您预约上门服务', '查看您的预约和每一步进度', '收到和您一样的服务通知'] as const;

/** Where the mini-program opens an invitation (the share card's path; the H5 link's hash route). */
export const CONSENT_PAGE_PATH = '/family/pages/consent/index';
