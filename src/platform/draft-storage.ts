import Taro from '@tarojs/taro';
import type { DraftStorage } from '@/stores/draft-snapshot';

/** One key per person, so a shared phone never shows one person's unfinished booking to another. */
const keyOf = (userId: string) => `homevisit.draft.${userId}`;

/** Booking drafts in wx storage / localStorage (a draft is a few KB; the limit is 1 MB a key). */
export const taroDraftStorage: DraftStorage = {
  load(userId) {
    try {
      return Taro.getStorageSync(keyOf(userId)) || null;
    } catch {
      return null;
    }
  },
  save(userId, snapshot) {
    try {
      Taro.setStorageSync(keyOf(userId), snapshot);
    } catch {
      // Storage full or blocked: the draft still lives in memory while the app is open.
    }
  },
};
