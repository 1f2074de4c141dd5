import Taro from '@tarojs/taro';

/**
 * Asks a yes/no question with the system dialog; resolves true only on an explicit yes. The
 * default green confirm text is about 2.4:1 on white: both buttons get text colours that reach 7:1.
 */
export async function confirmDialog(opts: { title: string; content: string; confirmText: string; cancelText: string }): Promise<boolean> {
  try {
    const r = await Taro.showModal({ ...opts, confirmColor: '#0a4a8f', cancelColor: '#1a1a1a' });
    return r.confirm;
  } catch {
    return false;
  }
}
