import Taro from '@tarojs/taro';
import { observable, runInAction } from 'mobx';

const KEY = 'homevisit.elderMode';

/** Standard mode's body text is 16 px where elder mode's is 20 px. */
export const STANDARD_SIZE_RATIO = 0.8;

function readStored(): boolean {
  try {
    // On unless the person switched it off on this device (长辈模式 is the default for customers).
    return Taro.getStorageSync(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** 长辈模式, kept on the device: every PageShell re-renders when it changes. */
export const elderMode = observable.box<boolean>(readStored());

export function setElderMode(on: boolean): void {
  runInAction(() => elderMode.set(on));
  try {
    Taro.setStorageSync(KEY, on ? 'on' : 'off');
  } catch {
    // Storage full or blocked: the switch still holds until the app closes.
  }
}
