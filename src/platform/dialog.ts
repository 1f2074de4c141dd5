import Taro from '@tarojs/taro';

/** Asks a yes/no question with the system dialog; resolves true only on an explicit yes. */
export async function confirmDialog(opts: { title: string; content: string; confirmText: string; cancelText: string }): Promise<boolean> {
  try {
    const r = await Taro.showModal(opts);
    return r.confirm;
  } catch {
    return false;
  }
}
