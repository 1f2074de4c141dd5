/**
 * The dispatch console's words: how long an offer has left, minutes as hours, skills, the days a
 * dispatcher looks at, and the sentences that report what an action did. Plain functions (the
 * time is passed in), so the stores and the tests share them.
 */
import { chinaDate, chinaInstant } from '@domain/time';
import type { Skill } from '@domain/services';
import type { RematchResult, StaffLeaveResult } from '@domain/schemas-lifecycle';

export const SKILL_LABELS: Record<Skill, string> = {
  claim: '上门理赔',
  escort: '就医陪诊',
  disability_assessment: '伤残鉴定',
};

/** A skill in words (the schemas type skills as plain strings). */
export function skillLabel(skill: string): string {
  return SKILL_LABELS[skill as Skill] ?? skill;
}

/** The days the roster's load can be shown for. */
export type RosterDay = 'today' | 'tomorrow';
export const ROSTER_DAY_LABELS: Record<RosterDay, string> = { today: '今天', tomorrow: '明天' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The China date (YYYY-MM-DD) of today or tomorrow, seen at `now`. */
export function rosterDate(day: RosterDay, now: Date): string {
  return chinaDate(now.getTime() + (day === 'tomorrow' ? DAY_MS : 0));
}

/** "2 小时 5 分钟", "45 分钟", "0 分钟". */
export function minutesText(total: number): string {
  const m = Math.max(0, Math.round(total));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (!h) return `${rest} 分钟`;
  return rest ? `${h} 小时 ${rest} 分钟` : `${h} 小时`;
}

/**
 * How long an offer has left, as read at `now` (the page reloads every 30 s; the text is not a
 * ticking countdown). Past the deadline the server hands the visit on by itself.
 */
export function timeLeftText(expiresAt: string | null, now: Date): string {
  if (!expiresAt) return '没有答复期限';
  const ms = Date.parse(expiresAt) - now.getTime();
  if (ms <= 0) return '已超时，系统正在换人';
  if (ms < 60_000) return '还剩不到 1 分钟';
  return `还剩 ${minutesText(Math.floor(ms / 60_000))}`;
}

/** Whole minutes until `expiresAt` (negative once past): for sorting and "urgent" marks. */
export function minutesLeft(expiresAt: string | null, now: Date): number {
  if (!expiresAt) return Number.POSITIVE_INFINITY;
  return Math.floor((Date.parse(expiresAt) - now.getTime()) / 60_000);
}

/** What leave did to the person's visits in it. */
export function leaveResultText(r: Pick<StaffLeaveResult, 'affected' | 'reassigned' | 'unmatched'>): string {
  if (!r.affected) return '已登记请假。这段时间里没有要改的服务。';
  const unmatched = r.unmatched ? `，${r.unmatched} 次暂时没人能接（已放进“待处理”）` : '';
  return `已登记请假。期间的 ${r.affected} 次服务已重新安排：${r.reassigned} 次交给了其他人${unmatched}。`;
}

/** What 全部重新匹配 did. */
export function rematchResultText(r: RematchResult): string {
  if (!r.affected) return '现在没有等待安排的预约。';
  const left = r.unmatched ? `，还有 ${r.unmatched} 次仍然没人能接，请人工改派` : '，全部安排好了';
  return `重新匹配了 ${r.affected} 次预约：${r.reassigned} 次已发给服务人员${left}。`;
}

/** A China wall-clock day and time typed by the dispatcher, as an instant; null when not a real time. */
export function typedInstant(date: string, hhmm: string): Date | null {
  const d = date.trim();
  const t = hhmm.trim().replace('：', ':');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !/^([01]?\d|2[0-3]):[0-5]\d$/.test(t)) return null;
  const at = chinaInstant(d, t.padStart(5, '0'));
  // 2025-02-30 parses as March: refuse days that do not exist.
  return Number.isNaN(at.getTime()) || chinaDate(at) !== d ? null : at;
}

/** Said when a visit changed while the dispatcher was looking at it. */
export const CONFLICT_RELOADED = '这次预约刚刚有了新变化（可能是服务人员或客户操作了），页面已重新加载。请看一下现在的情况，再决定怎么处理。';
