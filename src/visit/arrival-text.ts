/**
 * What the customer reads while the staff member is on the way, in plain Chinese. Pure, so the
 * wording is tested without a page. Only an estimate and a distance: never a map or coordinates.
 */
import { chinaTime } from '@domain/time';
import type { ArrivalEstimate } from '@domain/schemas';

/** A location older than this may be wrong (no signal in a lift or a tunnel): said gently. */
export const LOCATION_OLD_MS = 5 * 60_000;

/** "10:40": a clock time, never a countdown that changes while someone reads. */
export const clock = (instant: string) => chinaTime(instant).format('H:mm');

/** "3.2" under 10 km, whole kilometres beyond (nobody needs "23.7"). */
export function kmText(km: number): string {
  if (km < 10) return (Math.round(km * 10) / 10).toFixed(1);
  return String(Math.round(km));
}

/** "王师傅正在路上，预计 10:40 到达（距您约 3.2 公里）"; past the estimate: "应该快到了". */
export function arrivalSentence(eta: ArrivalEstimate, who: string, now: number): string {
  const distance = `（距您约 ${kmText(eta.distanceKm)} 公里）`;
  if (Date.parse(eta.at) <= now) return `${who}正在路上，应该快到了${distance}`;
  return `${who}正在路上，预计 ${clock(eta.at)} 到达${distance}`;
}

/** When the location was last reported: "刚刚更新", "2 分钟前更新", after an hour "9:05 更新". */
export function updatedText(updatedAt: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(updatedAt)) / 60_000);
  if (minutes < 1) return '刚刚更新';
  if (minutes < 60) return `${minutes} 分钟前更新`;
  return `${clock(updatedAt)} 更新`;
}

export function locationIsOld(updatedAt: string, now: number): boolean {
  return now - Date.parse(updatedAt) > LOCATION_OLD_MS;
}

/** Said when the location is old: no alarm, what it probably means, what will happen anyway. */
export function oldLocationText(who: string): string {
  return `${who}的位置有一会儿没有更新了，可能是路上信号不好。到达时间仅供参考，${who}到了会先敲门核对。`;
}

/** On the way but not sharing a location (or not yet): no estimate, and no guess either. */
export function departedSentence(who: string): string {
  return `${who}已经出发，正在赶来`;
}
