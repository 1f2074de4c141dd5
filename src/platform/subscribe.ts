import Taro from '@tarojs/taro';
import { IS_WEAPP } from './env';

/**
 * One-time subscribe-message templates (visit confirmed, staff on the way, visit changed), set at
 * build time in `.env.local` / `.env.production` (Taro inlines TARO_APP_* from those files, not
 * from the shell): TARO_APP_SUBSCRIBE_TEMPLATES=id1,id2,id3. WeChat allows at most 3 per request,
 * and only from a tap.
 */
function configured(): string {
  try {
    return process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '';
  } catch {
    // No build-time value and no `process` in this runtime.
    return '';
  }
}

const TEMPLATE_IDS = configured()
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .slice(0, 3);

/**
 * Asks to send visit updates by WeChat message. Must be called synchronously inside the tap
 * handler (before any await). Skipped silently where it does not exist (the browser) or when no
 * templates are configured; a refusal never blocks the booking.
 */
export function requestVisitUpdates(): Promise<void> {
  if (!IS_WEAPP || TEMPLATE_IDS.length === 0) return Promise.resolve();
  return Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option).then(
    () => undefined,
    () => undefined,
  );
}
