import Taro from '@tarojs/taro';
import type { HttpSend } from '@/api/http';

/** A visit at the customer's door may have weak signal: wait a while before calling it failed. */
const TIMEOUT_MS = 15000;

/** Resolves with any HTTP answer; rejects only when no answer came (offline, timeout, refused). */
export const taroSend: HttpSend = (req) =>
  Taro.request({
    url: req.url,
    method: req.method,
    header: req.headers,
    data: req.data as Record<string, unknown> | undefined,
    dataType: 'json',
    timeout: TIMEOUT_MS,
  }).then(
    (res) => ({ status: res.statusCode, data: res.data as unknown }),
    (err: { errMsg?: string } | undefined) => {
      throw new Error(err?.errMsg || 'request failed');
    },
  );
