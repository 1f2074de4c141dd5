import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** Pull-down refresh (enablePullDownRefresh in the page config): reload, then close the spinner. */
export function usePullRefresh(reload: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });
}
