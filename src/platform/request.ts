import Taro from '@tarojs/taro';
import type { HttpSend } from '@/api/http';

/** A visit at the customer's door may have weak signal: wait a while before calling it failed. */
const TIMEOUT_MS = 15000;

export const taroSend: HttpSend = (req) =>
  new Promise((resolve, reject) => {
    Taro.request({
      url: req.url,
      method: req.method,
      header: req.headers,
      data: req.data as Record<string, unknown> | undefined,
      dataType: 'json',
      timeout: TIMEOUT_MS,
      success: (res) => resolve({ status: res.statusCode, data: res.data }),
      fail: (err) => reject(new Error(err?.errMsg || 'request failed')),
    });
  });
