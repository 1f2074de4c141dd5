/** The words people see for statuses and for each event on a visit's timeline. */
import type { ActorRole, VisitAction, VisitStatus } from './lifecycle';

export const STATUS_LABELS: Record<VisitStatus, string> = {
  submitted: '已提交',
  matching: '正在安排服务人员',
  offered: '等待服务人员确认',
  confirmed: '已确认',
  en_route: '服务人员已出发',
  arrived: '服务人员已到达',
  in_service: '服务中',
  completed: '已完成',
  cancelled: '已取消',
  unmatched: '暂时没有安排到服务人员',
  no_show_customer: '上门时没有见到您',
  no_show_staff: '服务人员没有按时上门',
};

/** The action that created the booking; not a transition, so not in the state machine. */
export type TimelineAction = VisitAction | 'submit';

export interface TimelineEventInput {
  action: TimelineAction;
  actorRole: ActorRole;
  /** Who acted, as people call them: "王师傅", "您的家人 张伟". */
  actorName?: string | null;
  /** The staff member concerned (offer, reassign). */
  staffName?: string | null;
  reason?: string | null;
}

function who(e: TimelineEventInput, fallback: string): string {
  return e.actorName?.trim() || fallback;
}

const DESCRIBE: Record<TimelineAction, (e: TimelineEventInput) => string> = {
  submit: (e) => (e.actorRole === 'family' ? `${who(e, '您的家人')}为您提交了预约` : '您提交了预约'),
  start_matching: () => '正在为您安排服务人员',
  offer: (e) => `已为您安排${e.staffName ?? '服务人员'}，等待确认`,
  no_match: () => '暂时没有合适的服务人员，调度员会尽快为您安排，并电话联系您',
  confirm: (e) => `${who(e, '服务人员')}已确认，会按约定时间上门`,
  decline: (e) => `${who(e, '服务人员')}无法前来，正在为您重新安排`,
  expire: () => '服务人员没有及时确认，正在为您重新安排',
  reassign: (e) => `调度员为您改派了${e.staffName ?? '服务人员'}`,
  rematch: () => '正在为您重新安排服务人员',
  reschedule: (e) => (e.actorRole === 'family' ? `${who(e, '您的家人')}修改了上门时间` : '您修改了上门时间'),
  depart: (e) => `${who(e, '服务人员')}已出发，正在赶来`,
  arrive: (e) => `${who(e, '服务人员')}已到达，上门码核对无误`,
  start_service: () => '服务开始',
  complete: () => '服务已完成，感谢您的信任',
  cancel: (e) => {
    const by = { customer: '您', family: who(e, '您的家人'), staff: who(e, '服务人员'), dispatcher: '调度员', system: '系统' }[e.actorRole];
    return `${by}取消了这次服务`;
  },
  report_customer_no_show: () => '服务人员上门时没有见到您，客服会联系您',
  record_staff_no_show: () => '服务人员没有按时上门，我们已记录并会尽快联系您',
};

export function describeEvent(e: TimelineEventInput): string {
  const text = DESCRIBE[e.action](e);
  return e.reason ? `${text}（原因：${e.reason}）` : text;
}
