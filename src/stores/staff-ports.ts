/**
 * What the staff workbench's stores need from the phone, as interfaces: src/platform implements
 * them over Taro/WeChat and the browser, test/app fakes them in memory.
 */
import type { Location } from '@domain/schemas-lifecycle';

/** The device's key-value storage (wx storage / localStorage): WeChat allows 1 MB per key. */
export interface DeviceStorage {
  /** The stored value, or null when there is none (or it cannot be read). */
  get(key: string): unknown;
  /** False when the value could not be kept (storage full, value over the per-key limit). */
  set(key: string, value: unknown): boolean;
  remove(key: string): void;
}

/** Calls `onBack` each time the phone's network comes back; returns a function that stops listening. */
export type NetworkWatch = (onBack: () => void) => () => void;

/** setTimeout and clearTimeout, injected so tests can run the back-off by hand. */
export interface Timer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimer: Timer = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The phone's location while travelling to a visit, and once at the door. */
export interface LocationSource {
  /** Starts reporting; resolves a function that stops, or null when not allowed or not available. */
  watch(onLocation: (location: Location) => void): Promise<(() => void) | null>;
  /** One reading (for 到达), or null when none came within a few seconds. */
  current(): Promise<Location | null>;
}

/** A photo taken on the phone: its bytes for upload, and a local path to show it meanwhile. */
export interface TakenPhoto {
  bytes: ArrayBuffer;
  contentType: string;
  /** Shown while the photo waits to be sent (a temp file or blob URL: gone after a restart). */
  localPath: string;
}
