/**
 * After the visit: what can be rated and complained about, the words people tap, and the
 * response times a complaint is promised (PRODUCT.md "After the visit").
 */
import type { VisitStatus } from './lifecycle';
import { chinaTime, chinaWeekday, formatChinaClock, formatChinaDay } from './time';

/** Tags to tap under the stars: good things first, then the two most common problems. */
export const RATING_TAG_LABELS = {
  on_time: '准时到达',
  patient: '耐心细致',
  clear: '讲得清楚',
  kind: '态度和气',
  efficient: '办事利落',
  showed_id: '主动出示工号',
  late: '来晚了',
  unclear: '没讲清楚',
} as const;
export type RatingTag = keyof typeof RATING_TAG_LABELS;
export const RATING_TAGS = Object.keys(RATING_TAG_LABELS) as RatingTag[];

export const COMPLAINT_CATEGORY_LABELS = {
  late_or_absent: '迟到或没有来',
  attitude: '态度不好',
  asked_money: '要钱、要银行卡或密码',
  not_done: '事情没有办好',
  privacy: '乱问或泄露个人信息',
  other: '其他问题',
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORY_LABELS;
export const COMPLAINT_CATEGORIES = Object.keys(COMPLAINT_CATEGORY_LABELS) as ComplaintCategory[];

export const COMPLAINT_STATUSES = ['received', 'in_progress', 'answered'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已收到',
  in_progress: '处理中',
  answered: '已答复',
};

/** A rating makes sense only once the service is done. */
export function canRate(status: VisitStatus): boolean {
  return status === 'completed';
}

/**
 * A complaint can be raised once the visit has started (the staff member set off) or ended in any
 * way: a cancellation or a no-show can be the very thing to complain about. Before that, the
 * customer changes or cancels the visit instead.
 */
export const COMPLAINABLE_STATUSES: readonly VisitStatus[] = [
  'en_route',
  'arrived',
  'in_service',
  'completed',
  'cancelled',
  'no_show_customer',
  'no_show_staff',
];
export function canComplain(status: VisitStatus): boolean {
  return COMPLAINABLE_STATUSES.includes(status);
}

/**
 * The instant `days` working days after `from`, at the same China wall-clock time. Saturdays and
 * Sundays are skipped (in China time). Public holidays and the swapped working weekends (调休)
 * need the State Council's yearly calendar, which we do not have yet: until it is loaded, a
 * deadline over a holiday is earlier than the law requires, never later.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let t = chinaTime(from);
  let left = days;
  while (left > 0) {
    t = t.add(1, 'day');
    if (chinaWeekday(t.toDate()) <= 5) left -= 1;
  }
  return t.toDate();
}

export const URGENT_INTERNAL_HOURS = 2;
export const URGENT_ANSWER_WORKING_DAYS = 1;
export const NORMAL_ANSWER_WORKING_DAYS = 15;

export interface ComplaintDeadlines {
  /** By when someone inside the company must have taken it up. */
  internalBy: Date;
  /** By when the customer must have an answer. */
  answerBy: Date;
}

/** Urgent: taken up within 2 hours, answered within 1 working day. Others: 15 working days. */
export function complaintDeadlines(raisedAt: Date, urgent: boolean): ComplaintDeadlines {
  if (urgent) {
    return {
      internalBy: new Date(raisedAt.getTime() + URGENT_INTERNAL_HOURS * 3_600_000),
      answerBy: addWorkingDays(raisedAt, URGENT_ANSWER_WORKING_DAYS),
    };
  }
  const answerBy = addWorkingDays(raisedAt, NORMAL_ANSWER_WORKING_DAYS);
  return { internalBy: answerBy, answerBy };
}

/** The promise, said plainly with its date: "加急：2 小时内有专人处理，最晚 1月8日 星期二 上午 10:00 前答复您". */
export function complaintPromise(urgent: boolean, answerBy: Date): string {
  const by = `${formatChinaDay(answerBy)} ${formatChinaClock(answerBy)}`;
  if (urgent) return `加急：${URGENT_INTERNAL_HOURS} 小时内有专人处理，最晚 ${by} 前答复您。`;
  return `我们会在 ${NORMAL_ANSWER_WORKING_DAYS} 个工作日内答复您，最晚 ${by} 前。`;
}
