import type { ApiClient } from '@/api/client';
import type { MessagesApi } from '@/api/messages-api';
import { reaction, runInAction } from 'mobx';
import { BookingDraftStore } from './booking-draft-store';
import type { DraftStorage } from './draft-snapshot';
import type { PhotoReader } from './photo-ports';
import { FamilyStore } from './family-store';
import { LiveStore, wireLive, type LivePorts } from './live-store';
import { emptyMessagesApi, MessagesStore, type SubscribePort } from './messages-store';
import type { KeyFactory, TokenStore, WechatCodeSource } from './ports';
import { SessionStore } from './session-store';
import { StaffStore } from './staff-store';
import { createStaffStores, type StaffPorts, type StaffStores } from './staff-stores';
import { VisitsStore } from './visits-store';
import { FeedbackStore } from './feedback-store';
import { PreferencesStore } from './preferences-store';
import { createDispatchStores, type DispatchStores } from './dispatch-stores';

export interface RootStores {
  session: SessionStore;
  draft: BookingDraftStore;
  visits: VisitsStore;
  feedback: FeedbackStore;
  preferences: PreferencesStore;
  /** The field staff workbench (staff role): task board, task page, outbox, availability, joining. */
  staff: StaffStores;
  family: FamilyStore;
  /** The dispatch console (dispatcher role). */
  dispatch: DispatchStores;
  /** The live channel: pushes while signed in and in the foreground; `live.subscribe(fn)` for any store. */
  live: LiveStore;
  /** 我的消息 (every kind of account) and the WeChat messages the person allowed. */
  messages: MessagesStore;
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
  /** The phone's side of the staff workbench (storage, network, location, camera). */
  staffPorts?: StaffPorts;
  /** The live channel's socket and foreground watch (absent: no live channel, polling only). */
  live?: LivePorts;
  /** 我的消息 and WeChat's subscribe dialog (absent: an empty message centre that never asks). */
  messages?: { api: MessagesApi; subscribe: SubscribePort };
}

export function createStores(deps: RootDeps): RootStores {
  const session = new SessionStore({ api: deps.api, tokens: deps.tokens, wechatCode: deps.wechatCode });
  const draft = new BookingDraftStore(deps.api, deps.newKey, deps.draftStorage ?? null, deps.readPhoto ?? null);
  // The person's own unfinished booking comes back as soon as we know who they are.
  reaction(() => session.user?.id ?? null, (id) => draft.attach(id), { fireImmediately: true });
  const visits = new VisitsStore(deps.api);
  const live = new LiveStore({ token: () => deps.tokens.get(), sessionEnded: (message) => session.expire(message) }, deps.live ?? null);
  wireLive(live, session, visits.follow);
  const messages = new MessagesStore(deps.messages?.api ?? emptyMessagesApi, deps.messages?.subscribe ?? (async () => ({})));
  // Known before any tap that may ask (booking confirmation), and the count on 我的; gone on sign-out.
  reaction(
    () => session.user?.id ?? null,
    (id) => {
      if (!id) return messages.reset();
      void messages.loadSubscriptions();
      void messages.refreshUnread();
    },
    { fireImmediately: true },
  );
  return {
    session,
    draft,
    visits,
    feedback: new FeedbackStore(deps.api, deps.newKey),
    preferences: new PreferencesStore(deps.api),
    staff: createStaffStores(deps.api, { session, tokens: deps.tokens, wechatCode: deps.wechatCode }, { newKey: deps.newKey, ...deps.staffPorts }),
    // A new or ended family link changes whom the person may book for: keep the session's list fresh.
    family: new FamilyStore(deps.api, (bookFor) =>
      runInAction(() => {
        if (session.user) session.user = { ...session.user, bookFor };
      }),
    ),
    dispatch: createDispatchStores(deps.api),
    live,
    messages,
  };
}

export { BookingDraftStore, FamilyStore, SessionStore, StaffStore, VisitsStore };
export { FeedbackStore, LiveStore, MessagesStore, PreferencesStore };
export type { DraftStorage, KeyFactory, TokenStore, WechatCodeSource };
export type { DispatchStores };
export type { StaffPorts, StaffStores };
