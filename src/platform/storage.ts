import Taro from '@tarojs/taro';
import type { TokenStore } from '@/stores/ports';

const TOKEN_KEY = 'homevisit.token';

/** The session token in the platform's storage (wx storage / localStorage). */
export const taroTokenStore: TokenStore = {
  get() {
    try {
      const v = Taro.getStorageSync(TOKEN_KEY);
      return typeof v === 'string' && v ? v : null;
    } catch {
      return null;
    }
  },
  set(token) {
    try {
      Taro.setStorageSync(TOKEN_KEY, token);
    } catch {
      // Storage full or blocked: the session still works until the app closes.
    }
  },
  clear() {
    try {
      Taro.removeStorageSync(TOKEN_KEY);
    } catch {
      // nothing stored
    }
  },
};
