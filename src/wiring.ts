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
import { taroDeviceStorage } from '@/platform/device-storage';
import { locationSource } from '@/platform/location-watch';
import { forgetPrivateImages } from '@/platform/auth-image';
import { watchNetwork, watchNetworkBack } from '@/platform/network';
import { takeDocumentPhoto } from '@/platform/staff-camera';
import { liveUrl, openTaroSocket, watchForeground } from '@/platform/socket';
import { requestSubscriptions } from '@/platform/subscribe';

const api = createApiClient({
  baseUrl: API_BASE,
  send: taroSend,
  getToken: taroTokenStore.get,
  onUnauthenticated: (err) => stores.session.expire(err.message),
});

// The staff workbench: the outbox in device storage, retried when the network comes back;
// location while travelling; the camera for documents.
const staffPorts = { storage: taroDeviceStorage, network: watchNetworkBack, location: locationSource, takePhoto: takeDocumentPhoto };

// The live channel: a socket to /api/live while signed in and in the foreground.
const live = { open: openTaroSocket, url: liveUrl(), watchForeground, watchNetwork };

// 我的消息 and WeChat's subscribe dialog (shown only from a tap).
const messages = { api, subscribe: requestSubscriptions };

export const stores = createStores({ api, tokens: taroTokenStore, wechatCode: wechatLoginCode, draftStorage: taroDraftStorage, readPhoto, staffPorts, live, messages });

// Back online: the page on screen checks for news at once instead of waiting out its back-off.
watchNetworkBack(() => stores.visits.follow.nudge());

/** Sign out and forget this person's data on the device. */
export async function signOut(): Promise<void> {
  await stores.session.logout();
  stores.visits.reset();
  stores.feedback.reset();
  stores.preferences.reset();
  stores.staff.reset();
  stores.draft.reset();
  stores.family.reset();
  stores.dispatch.reset();
  forgetPrivateImages();
}
