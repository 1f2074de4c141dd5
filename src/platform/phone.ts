import Taro from '@tarojs/taro';

/** Opens the phone's dialler; the person still decides to call. Never throws. */
export function callPhone(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber: phoneNumber.replace(/[^\d+]/g, '') }).catch(() => {
    // Cancelled by the person, or no dialler (desktop browser): nothing to do.
  });
}
