/**
 * Puts the app together: the API client over Taro.request, the stores over the client. Pages
 * import `stores` and `signOut` from here; nothing else builds a client.
 */
import { createApiClient } from '@/api/client';
import { API_BASE } from '@/platform/env';
import { wechatLoginCode } from '@/platform/login';
import { taroSend } from '@/platform/request';
import { readPhoto } from '@/platform/camera';
import { taroDraftStorage } from '@/platform/draft-storage';
import { taroTokenStore } from '@/platform/storage';
import { createStores } from '@/stores';

const api = createApiClient({
  baseUrl: API_BASE,
  send: taroSend,
  getToken: taroTokenStore.get,
  onUnauthenticated: (err) => stores.session.expire(err.message),
});

export const stores = createStores({ api, tokens: taroTokenStore, wechatCode: wechatLoginCode, draftStorage: taroDraftStorage, readPhoto });

/** Sign out and forget this person's data on the device. */
export async function signOut(): Promise<void> {
  await stores.session.logout();
  stores.visits.reset();
  stores.feedback.reset();
  stores.preferences.reset();
  stores.staff.reset();
  stores.draft.reset();
  stores.family.reset();
}
