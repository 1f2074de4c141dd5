import Taro from '@tarojs/taro';
import { IS_WEAPP } from './env';

export type PickedPlace =
  | { kind: 'picked'; name: string; address: string; lat: number; lng: number }
  /** The person closed the map, or did not agree to the privacy guide: nothing to do. */
  | { kind: 'cancelled' }
  /** No map here (the browser build has no map key): the page offers typing instead. */
  | { kind: 'unsupported' };

/** Choosing on the map is only offered where it works. */
export const CAN_PICK_ON_MAP = IS_WEAPP;

interface WxPrivacy {
  requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void;
}

/**
 * WeChat asks the person to agree to the 用户隐私保护指引 before any privacy API (location is
 * one, declared in app.config `requiredPrivateInfos`). Asking first, from the tap, shows the
 * platform's own agreement sheet; base libraries before 2.32.3 have no such step.
 */
function privacyAgreed(): Promise<boolean> {
  const wxApi = (globalThis as { wx?: WxPrivacy }).wx;
  if (!wxApi?.requirePrivacyAuthorize) return Promise.resolve(true);
  return new Promise((resolve) => wxApi.requirePrivacyAuthorize?.({ success: () => resolve(true), fail: () => resolve(false) }));
}

/** Opens WeChat's map to choose a place (from a tap). Never throws. */
export async function pickPlaceOnMap(): Promise<PickedPlace> {
  if (!CAN_PICK_ON_MAP) return { kind: 'unsupported' };
  if (!(await privacyAgreed())) return { kind: 'cancelled' };
  try {
    const r = await Taro.chooseLocation({});
    return { kind: 'picked', name: r.name, address: r.address, lat: r.latitude, lng: r.longitude };
  } catch {
    return { kind: 'cancelled' };
  }
}
