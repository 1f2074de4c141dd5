import type { ApiClient } from '@/api/client';
import { reaction, runInAction } from 'mobx';
import { BookingDraftStore } from './booking-draft-store';
import type { DraftStorage } from './draft-snapshot';
import type { PhotoReader } from './photo-ports';
import { FamilyStore } from './family-store';
import type { KeyFactory, TokenStore, WechatCodeSource } from './ports';
import { SessionStore } from './session-store';
import { StaffStore } from './staff-store';
import { VisitsStore } from './visits-store';
import { FeedbackStore } from './feedback-store';
import { PreferencesStore } from './preferences-store';

export interface RootStores {
  session: SessionStore;
  draft: BookingDraftStore;
  visits: VisitsStore;
  feedback: FeedbackStore;
  preferences: PreferencesStore;
  staff: StaffStore;
  family: FamilyStore;
}

export interface RootDeps {
  api: ApiClient;
  tokens: TokenStore;
  wechatCode: WechatCodeSource;
  newKey?: KeyFactory;
  /** Where booking drafts are kept between app starts (absent: in memory only). */
  draftStorage?: DraftStorage;
  /** Reads photos of documents for upload (absent: photos are not offered). */
  readPhoto?: PhotoReader;
}

export function createStores(deps: RootDeps): RootStores {
  const session = new SessionStore({ api: deps.api, tokens: deps.tokens, wechatCode: deps.wechatCode });
  const draft = new BookingDraftStore(deps.api, deps.newKey, deps.draftStorage ?? null, deps.readPhoto ?? null);
  // The person's own unfinished booking comes back as soon as we know who they are.
  reaction(() => session.user?.id ?? null, (id) => draft.attach(id), { fireImmediately: true });
  return {
    session,
    draft,
    visits: new VisitsStore(deps.api),
    feedback: new FeedbackStore(deps.api, deps.newKey),
    preferences: new PreferencesStore(deps.api),
    staff: new StaffStore(deps.api),
    // A new or ended family link changes whom the person may book for: keep the session's list fresh.
    family: new FamilyStore(deps.api, (bookFor) =>
      runInAction(() => {
        if (session.user) session.user = { ...session.user, bookFor };
      }),
    ),
  };
}

export { BookingDraftStore, FamilyStore, SessionStore, StaffStore, VisitsStore };
export { FeedbackStore, PreferencesStore };
export type { DraftStorage, KeyFactory, TokenStore, WechatCodeSource };
