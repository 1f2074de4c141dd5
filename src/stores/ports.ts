/** What the stores need from the outside world, as interfaces: platform/ implements them, tests fake them. */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

/** Makes a fresh Idempotency-Key (8–100 chars of [A-Za-z0-9_-]). */
export type KeyFactory = () => string;

/** Gets a one-time WeChat login code (Taro.login); rejects outside WeChat. */
export type WechatCodeSource = () => Promise<string>;

/** Random enough for an idempotency key without crypto (not available in every mini-program base library). */
export const defaultKeyFactory: KeyFactory = () => {
  let r = '';
  for (let i = 0; i < 3; i++) r += Math.random().toString(36).slice(2, 10);
  return `bk_${Date.now().toString(36)}_${r}`.replace(/[^A-Za-z0-9_-]/g, '');
};
