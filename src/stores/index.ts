import type { ApiClient } from '@/api/client';
import { BookingDraftStore } from './booking-draft-store';
import type { KeyFactory, TokenStore, WechatCodeSource } from './ports';
import { SessionStore } from './session-store';
import { StaffStore } from './staff-store';
import { VisitsStore } from './visits-store';

export interface RootStores {
  session: SessionStore;
  draft: BookingDraftStore;
  visits: VisitsStore;
  staff: StaffStore;
}

export interface RootDeps {
  api: ApiClient;
  tokens: TokenStore;
  wechatCode: WechatCodeSource;
  newKey?: KeyFactory;
}

export function createStores(deps: RootDeps): RootStores {
  return {
    session: new SessionStore({ api: deps.api, tokens: deps.tokens, wechatCode: deps.wechatCode }),
    draft: new BookingDraftStore(deps.api, deps.newKey),
    visits: new VisitsStore(deps.api),
    staff: new StaffStore(deps.api),
  };
}

export { BookingDraftStore, SessionStore, StaffStore, VisitsStore };
export type { KeyFactory, TokenStore, WechatCodeSource };
