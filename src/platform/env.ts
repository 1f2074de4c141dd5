/** Build-time facts, read in one place. */
export const IS_WEAPP = process.env.TARO_ENV === 'weapp';
export const IS_H5 = process.env.TARO_ENV === 'h5';

/** From config defineConstants; '' = same origin. */
export const API_BASE: string = typeof API_BASE_URL === 'string' ? API_BASE_URL : '';

/** Absolute URL of a server path such as a staff photo (`/media/staff-photos/x.svg`). */
export function serverUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${API_BASE.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}
