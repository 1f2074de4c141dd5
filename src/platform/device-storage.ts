import Taro from '@tarojs/taro';
import type { DeviceStorage } from '@/stores/staff-ports';

/** wx storage / localStorage as the staff outbox needs it (WeChat: 1 MB per key, 10 MB in all). */
export const taroDeviceStorage: DeviceStorage = {
  get(key) {
    try {
      const v = Taro.getStorageSync(key);
      return v === '' || v === undefined ? null : v;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      Taro.setStorageSync(key, value);
      return true;
    } catch {
      // Over the per-key limit or storage full: the caller keeps it in memory instead.
      return false;
    }
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // Nothing stored under it.
    }
  },
};
