/**
 * Notifications as both sides need them (TypeBox-free: the app imports values from here): the
 * WeChat subscribe-message templates we use, what each is for, and who is asked for which.
 * One acceptance of a template allows one message (WeChat's rule); at most 3 templates per request.
 */

/** Our names for the templates; the WeChat template ids are configured on the server. */
export const NOTIFICATION_TEMPLATES = ['visit_status', 'visit_reminder', 'staff_task'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** What the person is asked to allow, in their words. */
export const TEMPLATE_TITLES: Record<NotificationTemplate, string> = {
  visit_status: '预约进度通知',
  visit_reminder: '上门前提醒',
  staff_task: '新任务和变动提醒',
};

/** Customers (elders and family) follow visits; staff get tasks. Both get reminders. */
export const TEMPLATES_FOR_ROLE: Record<'customer' | 'staff' | 'dispatcher', readonly NotificationTemplate[]> = {
  customer: ['visit_status', 'visit_reminder'],
  staff: ['staff_task', 'visit_reminder'],
  dispatcher: [],
};

/** WeChat allows at most this many templates in one requestSubscribeMessage. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/** What requestSubscribeMessage answers per template ('filter': WeChat hid the template). */
export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeAnswer = (typeof SUBSCRIBE_ANSWERS)[number];

/** A page of 我的消息 holds at most this many messages. */
export const MESSAGE_PAGE_MAX = 50;
