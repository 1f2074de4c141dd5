import Taro from '@tarojs/taro';
import type { Location } from '@domain/schemas-lifecycle';
import type { LocationSource } from '@/stores/staff-ports';
import { IS_H5 } from './env';

/** How long 到达 waits for one reading before going on without it. */
const READING_TIMEOUT_MS = 5_000;

interface WxPrivacy {
  requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void;
}

/** WeChat asks for the privacy guide before location (declared in app.config `requiredPrivateInfos`). */
function privacyAgreed(): Promise<boolean> {
  const wxApi = (globalThis as { wx?: WxPrivacy }).wx;
  if (!wxApi?.requirePrivacyAuthorize) return Promise.resolve(true);
  return new Promise((resolve) => wxApi.requirePrivacyAuthorize?.({ success: () => resolve(true), fail: () => resolve(false) }));
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

const fromCoords = (c: { latitude: number; longitude: number }): Location => ({ lat: c.latitude, lng: c.longitude });

/** The browser: the Geolocation API (the browser asks the person once). */
const browserLocation: LocationSource = {
  async watch(onLocation) {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return null;
    const id = navigator.geolocation.watchPosition((p) => onLocation(fromCoords(p.coords)), () => undefined, { enableHighAccuracy: true, maximumAge: 15_000 });
    return () => navigator.geolocation.clearWatch(id);
  },
  current() {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
    const reading = new Promise<Location | null>((resolve) =>
      navigator.geolocation.getCurrentPosition((p) => resolve(fromCoords(p.coords)), () => resolve(null), { timeout: READING_TIMEOUT_MS, maximumAge: 60_000 }),
    );
    return withTimeout(reading, READING_TIMEOUT_MS + 500, null);
  },
};

/** WeChat: location updates while the mini-program is in the foreground (startLocationUpdate). */
const wechatLocation: LocationSource = {
  async watch(onLocation) {
    if (!(await privacyAgreed())) return null;
    const listener = (r: { latitude: number; longitude: number }) => onLocation(fromCoords(r));
    try {
      await Taro.startLocationUpdate();
      Taro.onLocationChange(listener);
    } catch {
      return null;
    }
    return () => {
      try {
        Taro.offLocationChange(listener);
        void Promise.resolve(Taro.stopLocationUpdate({})).catch(() => undefined);
      } catch {
        // Already stopped.
      }
    };
  },
  /** One reading from location updates (not getLocation, which needs its own declaration and review). */
  async current() {
    if (!(await privacyAgreed())) return null;
    let stop: (() => void) | null = null;
    const reading = new Promise<Location | null>((resolve) => {
      void this.watch((loc) => resolve(loc)).then((s) => {
        stop = s;
        if (!s) resolve(null);
      });
    });
    const loc = await withTimeout<Location | null>(reading, READING_TIMEOUT_MS, null);
    (stop as (() => void) | null)?.();
    return loc;
  },
};

export const locationSource: LocationSource = IS_H5 ? browserLocation : wechatLocation;
