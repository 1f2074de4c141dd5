/**
 * Family links: a family member invites an elder (a parent) with a single-use link, the elder
 * consents with one tap (or declines), and either of them can end the link at any time. While the
 * consent stands, the family member books for the elder, sees their visits and gets the same notices.
 */
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { FAMILY_RELATIONS } from './family';
import { ClaimTypeSchema, ElderRefSchema, IdSchema, InstantSchema, ServiceTypeSchema, VisitStatusSchema } from './schemas';

export * from './family';

type LiteralUnion<T extends readonly string[]> = TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
const literals = <T extends readonly string[]>(values: T): LiteralUnion<T> =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as LiteralUnion<T>;

export const FamilyRelationSchema = literals(FAMILY_RELATIONS);

export const CreateInvitationBodySchema = Type.Object({ relation: FamilyRelationSchema }, { additionalProperties: false });
export type CreateInvitationBody = Static<typeof CreateInvitationBodySchema>;

/** 256 random bits, base64url: unguessable; only its hash is stored. */
export const InvitationTokenSchema = Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' });
export const InvitationTokenBodySchema = Type.Object({ token: InvitationTokenSchema }, { additionalProperties: false });
export type InvitationTokenBody = Static<typeof InvitationTokenBodySchema>;

/** A new invitation, shown once to the family member who made it (the server keeps only a hash). */
export const InvitationSchema = Type.Object({
  token: InvitationTokenSchema,
  relation: FamilyRelationSchema,
  expiresAt: InstantSchema,
  /** The mini-program path with the token: the share card opens it. */
  sharePath: Type.String(),
});
export type Invitation = Static<typeof InvitationSchema>;

/** What the elder sees before consenting: who asks, as what, and what they will be able to do. */
export const InvitationPreviewSchema = Type.Object({
  inviter: Type.Object({ name: Type.String() }),
  relation: FamilyRelationSchema,
  expiresAt: InstantSchema,
  permissions: Type.Array(Type.String()),
});
export type InvitationPreview = Static<typeof InvitationPreviewSchema>;

export const NextVisitSchema = Type.Object({
  id: IdSchema,
  status: VisitStatusSchema,
  statusLabel: Type.String(),
  serviceType: ServiceTypeSchema,
  claimType: Type.Union([ClaimTypeSchema, Type.Null()]),
  slotStart: InstantSchema,
  slotEnd: InstantSchema,
});
export type NextVisit = Static<typeof NextVisitSchema>;

/** An elder the signed-in person follows (their consent stands). */
export const FollowedElderSchema = Type.Object({
  linkId: IdSchema,
  elder: ElderRefSchema,
  /** What the follower is to this elder: free text on old links, a FamilyRelation code on new ones. */
  relation: Type.Union([Type.String(), Type.Null()]),
  consentedAt: InstantSchema,
  nextVisit: Type.Union([NextVisitSchema, Type.Null()]),
});
export type FollowedElder = Static<typeof FollowedElderSchema>;

/** A family member the signed-in elder has allowed to act for them. */
export const FamilyMemberSchema = Type.Object({
  linkId: IdSchema,
  member: ElderRefSchema,
  relation: Type.Union([Type.String(), Type.Null()]),
  consentedAt: InstantSchema,
});
export type FamilyMember = Static<typeof FamilyMemberSchema>;

/** An invitation this person sent that has not become a link: still open, or declined. */
export const SentInvitationSchema = Type.Object({
  id: IdSchema,
  relation: FamilyRelationSchema,
  state: literals(['open', 'declined'] as const),
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
});
export type SentInvitation = Static<typeof SentInvitationSchema>;

/** Everything 我的家人 shows, and the fresh list of whom this person may book for. */
export const FamilyOverviewSchema = Type.Object({
  following: Type.Array(FollowedElderSchema),
  followers: Type.Array(FamilyMemberSchema),
  invitations: Type.Array(SentInvitationSchema),
  /** Same as /api/me's bookFor, so the app updates it without another request. */
  bookFor: Type.Array(ElderRefSchema),
});
export type FamilyOverview = Static<typeof FamilyOverviewSchema>;

export const FamilyLinkParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });
