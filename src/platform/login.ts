import Taro from '@tarojs/taro';
import { IS_WEAPP } from './env';

/** A one-time WeChat login code (valid ~5 minutes, single use): only exists inside WeChat. */
export async function wechatLoginCode(): Promise<string> {
  if (!IS_WEAPP) throw new Error('微信登录只能在微信里使用');
  const res = await Taro.login();
  if (!res.code) throw new Error(res.errMsg || 'wx.login failed');
  return res.code;
}
