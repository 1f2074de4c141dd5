/**
 * The words of each message, written for the person who reads it: the elder reads "您的预约…",
 * a family member "张秀英的预约…", the staff member a masked name and the district (and never a
 * customer's reasons). Pure: the same facts always give the same text.
 */
import { chinaTime, formatVisitWindow, HOTLINE, SERVICE_LABELS, type ServiceType } from '@domain';
import type { NotificationTemplate } from '@domain/notifications';

export const NOTIFICATION_KINDS = [
  'confirmed', 'departed', 'arrived', 'completed', 'cancelled', 'moved', 'unmatched', 'rematching', 'staff_changed',
  'customer_no_show', 'staff_no_show', 'task_offered', 'task_cancelled', 'task_withdrawn', 'reminder_day', 'reminder_hour',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type ReaderRole = 'elder' | 'family' | 'staff';

/** What the words are made of. */
export interface VisitFacts {
  elderName: string;
  /** 张** for staff. */
  maskedElderName: string;
  serviceType: ServiceType;
  district: string;
  slotStart: Date;
  slotEnd: Date;
  /** 王师傅 / 李老师, or null while nobody is assigned. */
  staffTitle: string | null;
  /** For an offer: when it lapses. */
  offerExpiresAt: Date | null;
}

export interface Wording {
  title: string;
  body: string;
  /** The WeChat template values (thing ≤ 20 characters, time as WeChat shows it). */
  fields: Record<string, string>;
}

export const TEMPLATE_OF_KIND: Record<NotificationKind, NotificationTemplate> = {
  confirmed: 'visit_status', departed: 'visit_status', arrived: 'visit_status', completed: 'visit_status',
  cancelled: 'visit_status', moved: 'visit_status', unmatched: 'visit_status', rematching: 'visit_status',
  staff_changed: 'visit_status', customer_no_show: 'visit_status', staff_no_show: 'visit_status',
  task_offered: 'staff_task', task_cancelled: 'staff_task', task_withdrawn: 'staff_task',
  reminder_day: 'visit_reminder', reminder_hour: 'visit_reminder',
};

interface Words {
  /** 您的上门理赔 / 张秀英的上门理赔 */
  whose: string;
  /** 您 / 张秀英 */
  you: string;
  /** 您家 / 张秀英家 */
  home: string;
  when: string;
  staff: string;
  /** For staff: 徐汇区 张**的上门理赔 */
  task: string;
}

function wordsFor(role: ReaderRole, f: VisitFacts): Words {
  const service = SERVICE_LABELS[f.serviceType];
  const you = role === 'elder' ? '您' : f.elderName;
  return {
    whose: `${you}的${service}`,
    you,
    home: `${you}家`,
    when: formatVisitWindow(f.slotStart, f.slotEnd),
    staff: f.staffTitle ?? '服务人员',
    task: `${f.district} ${f.maskedElderName}的${service}`,
  };
}

type Compose = (w: Words, f: VisitFacts, role: ReaderRole) => [title: string, body: string];

const COMPOSE: Record<NotificationKind, Compose> = {
  confirmed: (w) => ['服务人员已确认', `${w.whose}（${w.when}）已由${w.staff}确认，会按约定时间上门。`],
  departed: (w) => ['服务人员已出发', `${w.staff}已出发，正在赶往${w.home}（${w.when}）。开门前请核对上门码。`],
  arrived: (w) => ['服务人员已到达', `${w.staff}已到达${w.home}，上门码核对无误。`],
  completed: (w) => ['服务已完成', `${w.whose}已完成，感谢您的信任。可以在预约页给这次服务评价。`],
  cancelled: (w) => ['预约已取消', `${w.whose}（${w.when}）已取消。如有疑问，请拨打客服热线 ${HOTLINE}。`],
  moved: (w, f) => ['上门时间已改', `${w.whose}改到了${w.when}。${f.staffTitle ? `${f.staffTitle}会尽快确认。` : '正在安排服务人员。'}`],
  unmatched: (w) => ['暂时没有安排到服务人员', `${w.whose}（${w.when}）暂时没有合适的服务人员，调度员会尽快安排，并打电话联系。`],
  rematching: (w) => ['正在重新安排服务人员', `原定的服务人员临时不能上门，正在为${w.whose}（${w.when}）重新安排，时间不变。`],
  staff_changed: (w) => ['服务人员有变动', `${w.whose}（${w.when}）改由${w.staff}上门，等对方确认后会再告诉您。`],
  customer_no_show: (w) => ['上门时没有见到人', `服务人员按约上门，没有见到${w.you}。客服会打电话联系，如需改约请拨打 ${HOTLINE}。`],
  staff_no_show: (w) => ['服务人员没有按时上门', `很抱歉，${w.whose}（${w.when}）服务人员没有按时上门。我们已记录，会尽快联系。`],
  task_offered: (w, f) => ['新的上门邀约', `${w.when}，${w.task}。请在${f.offerExpiresAt ? chinaTime(f.offerExpiresAt).format('H:mm') : '规定时间'}前确认或婉拒。`],
  task_cancelled: (w) => ['上门已取消', `${w.when}，${w.task}已取消，不用去了。`],
  task_withdrawn: (w) => ['任务已不由您负责', `${w.when}，${w.task}已改期或改派，不用去了。`],
  reminder_day: (w, _f, role) =>
    role === 'staff' ? ['明天有上门任务', `明天${w.when}，${w.task}。请提前看好路线。`] : ['明天有上门服务', `提醒：${w.whose}在${w.when}，由${w.staff}上门。请提前备好材料。`],
  reminder_hour: (w, _f, role) =>
    role === 'staff' ? ['一小时后上门', `${w.when}，${w.task}，请按时出发。`] : ['一小时后上门', `${w.staff}大约一小时后到${w.home}（${w.when}）。开门前请核对上门码。`],
};

/** WeChat's `thing` values hold at most 20 characters. */
function clip(text: string, max = 20): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function composeMessage(kind: NotificationKind, role: ReaderRole, facts: VisitFacts): Wording {
  const [title, body] = COMPOSE[kind](wordsFor(role, facts), facts, role);
  const visit = role === 'staff' ? `${facts.maskedElderName}的${SERVICE_LABELS[facts.serviceType]}` : wordsFor(role, facts).whose;
  return {
    title,
    body,
    fields: { thing1: clip(title), time2: chinaTime(facts.slotStart).format('YYYY年M月D日 HH:mm'), thing3: clip(visit) },
  };
}

/** The SMS text: the same words, signed as SMS in China must be. */
export function smsText(title: string, body: string): string {
  return `【安心上门】${title}：${body}`;
}
