import { makeAutoObservable, runInAction } from 'mobx';
import type { FamilyRelation } from '@domain/family';
import type { UserView } from '@domain/schemas';
import type { FamilyMember, FamilyOverview, FollowedElder, Invitation, InvitationPreview, SentInvitation } from '@domain/schemas-family';
import { ApiError, messageOf } from '@/api/api-error';
import type { CustomerApi } from '@/api/client';
import type { LoadState } from './load-state';

/** Told the fresh list of whom the signed-in person may book for, after every family change. */
export type BookForSink = (bookFor: UserView['bookFor']) => void;

export type InvitationAnswer = 'consented' | 'declined';

/**
 * The family side of the app: whom I follow (and their next visits), who may act for me, the
 * invitation I am sending, and the invitation I was sent. Consent rules live on the server; this
 * store only shows its answers and passes the fresh bookFor list on, so booking sees a new link
 * (or a revoked one) at once.
 */
export class FamilyStore {
  overview: FamilyOverview | null = null;
  state: LoadState = 'idle';
  error: string | null = null;

  relation: FamilyRelation | null = null;
  invitation: Invitation | null = null;
  inviting = false;
  inviteError: string | null = null;

  token: string | null = null;
  preview: InvitationPreview | null = null;
  previewState: LoadState = 'idle';
  previewError: string | null = null;
  answering = false;
  answer: InvitationAnswer | null = null;
  answerError: string | null = null;
  /** The link the consent made (for "see who may act for me"). */
  consented: FamilyMember | null = null;

  /** The link being ended right now. */
  revoking: string | null = null;
  revokeError: string | null = null;

  constructor(
    private readonly api: CustomerApi,
    private readonly onBookFor: BookForSink = () => undefined,
  ) {
    makeAutoObservable<FamilyStore, 'api' | 'onBookFor'>(this, { api: false, onBookFor: false }, { autoBind: true });
  }

  get following(): FollowedElder[] {
    return this.overview?.following ?? [];
  }

  get followers(): FamilyMember[] {
    return this.overview?.followers ?? [];
  }

  /** Sent invitations still waiting for an answer, or declined. */
  get invitations(): SentInvitation[] {
    return this.overview?.invitations ?? [];
  }

  /** A link of either kind, by id (the link page). */
  linkById(id: string): { kind: 'following'; link: FollowedElder } | { kind: 'follower'; link: FamilyMember } | null {
    const f = this.following.find((l) => l.linkId === id);
    if (f) return { kind: 'following', link: f };
    const m = this.followers.find((l) => l.linkId === id);
    return m ? { kind: 'follower', link: m } : null;
  }

  reset(): void {
    this.overview = null;
    this.state = 'idle';
    this.error = null;
    this.relation = null;
    this.invitation = null;
    this.inviteError = null;
    this.closeInvitation();
    this.revoking = null;
    this.revokeError = null;
  }

  async load(): Promise<void> {
    this.state = 'loading';
    this.error = null;
    try {
      const overview = await this.api.family();
      runInAction(() => this.adopt(overview));
    } catch (err) {
      runInAction(() => {
        // Keep what was shown: an old list with an error beats an empty screen.
        this.state = 'error';
        this.error = messageOf(err);
      });
    }
  }

  /** A fresh invitation page: nothing chosen yet. */
  startInvitation(): void {
    this.relation = null;
    this.invitation = null;
    this.inviteError = null;
  }

  /** Choosing another relation starts a new invitation (the old link says the old relation). */
  chooseRelation(relation: FamilyRelation): void {
    if (this.relation === relation) return;
    this.relation = relation;
    this.invitation = null;
    this.inviteError = null;
  }

  async createInvitation(): Promise<boolean> {
    if (!this.relation || this.inviting) return false;
    this.inviting = true;
    this.inviteError = null;
    try {
      const invitation = await this.api.createInvitation({ relation: this.relation });
      runInAction(() => {
        this.invitation = invitation;
      });
      return true;
    } catch (err) {
      runInAction(() => {
        this.inviteError = messageOf(err);
      });
      return false;
    } finally {
      runInAction(() => {
        this.inviting = false;
      });
    }
  }

  /** The elder opened an invitation link: show who asks. */
  async openInvitation(token: string): Promise<void> {
    if (this.token !== token) this.closeInvitation();
    this.token = token;
    this.previewState = 'loading';
    this.previewError = null;
    try {
      const preview = await this.api.previewInvitation(token);
      runInAction(() => {
        this.preview = preview;
        this.previewState = 'ready';
      });
    } catch (err) {
      runInAction(() => {
        this.preview = null;
        this.previewState = 'error';
        this.previewError = messageOf(err);
      });
    }
  }

  /** One tap. Safe to tap again after a lost answer: the server gives back the same link. */
  consent(): Promise<boolean> {
    return this.respond('consented', async (token) => {
      const link = await this.api.consentInvitation(token);
      runInAction(() => {
        this.consented = link;
      });
    });
  }

  decline(): Promise<boolean> {
    return this.respond('declined', (token) => this.api.declineInvitation(token));
  }

  /** Ends a link (the elder withdrawing consent, or the family member stepping back). */
  async revoke(linkId: string): Promise<boolean> {
    if (this.revoking) return false;
    this.revoking = linkId;
    this.revokeError = null;
    try {
      const overview = await this.api.revokeFamilyLink(linkId);
      runInAction(() => this.adopt(overview));
      return true;
    } catch (err) {
      runInAction(() => {
        this.revokeError = messageOf(err);
      });
      return false;
    } finally {
      runInAction(() => {
        this.revoking = null;
      });
    }
  }

  private async respond(answer: InvitationAnswer, send: (token: string) => Promise<unknown>): Promise<boolean> {
    const token = this.token;
    if (!token || this.answering || this.answer) return false;
    this.answering = true;
    this.answerError = null;
    try {
      await send(token);
      runInAction(() => {
        this.answer = answer;
      });
      return true;
    } catch (err) {
      runInAction(() => {
        this.answerError = messageOf(err);
        // Expired or used meanwhile: the preview no longer stands, so stop offering the buttons.
        if (err instanceof ApiError && err.code.startsWith('INVITE_')) this.preview = null;
      });
      return false;
    } finally {
      runInAction(() => {
        this.answering = false;
      });
    }
  }

  private closeInvitation(): void {
    this.token = null;
    this.preview = null;
    this.previewState = 'idle';
    this.previewError = null;
    this.answering = false;
    this.answer = null;
    this.answerError = null;
    this.consented = null;
  }

  private adopt(overview: FamilyOverview): void {
    this.overview = overview;
    this.state = 'ready';
    this.error = null;
    this.onBookFor(overview.bookFor);
  }
}
