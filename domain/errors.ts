/**
 * Stable error codes. Each has the HTTP status the server answers with and a Chinese message
 * for an elderly reader: what happened and what to do next. Codes never change meaning once
 * shipped; clients and tests key on them, never on the message.
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请检查后再试一次。' },
  UNAUTHENTICATED: { status: 401, message: '请先登录，再继续操作。' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录。' },
  FORBIDDEN: { status: 403, message: '您没有权限做这件事。如有疑问，请拨打客服热线。' },
  NOT_FOUND: { status: 404, message: '没有找到这条信息，它可能已被删除。请返回上一页。' },
  ROUTE_NOT_FOUND: { status: 404, message: '没有这个页面或功能，请返回首页。' },
  TRANSITION_NOT_ALLOWED: { status: 409, message: '这次服务当前的状态不能做这一步，请刷新页面查看最新状态。' },
  ROLE_NOT_ALLOWED: { status: 403, message: '这一步需要由其他人员操作。如需帮助，请拨打客服热线。' },
  REASON_REQUIRED: { status: 400, message: '请选择或填写原因，再提交。' },
  VERSION_CONFLICT: { status: 409, message: '这次服务刚刚有了新变化，页面已过时。请刷新后再试。' },
  SLOT_TAKEN: { status: 409, message: '这个时间刚刚被约满了，请换一个时间。' },
  SLOT_NOT_AVAILABLE: { status: 422, message: '这个时间暂时没有服务人员可以上门，请选择其他时间。' },
  ADDRESS_NOT_FOUND: { status: 422, message: '没有找到这个地址，请重新选择上门地址。' },
  ADDRESS_OUTSIDE_AREA: { status: 422, message: '这个地址不在我们的服务范围（上海市）内。请重新选择地址，或拨打客服热线问一问。' },
  DISTRICT_UNKNOWN: { status: 422, message: '没有认出地址所在的区，请在列表里点一下所在的区。' },
  HOSPITAL_NOT_FOUND: { status: 422, message: '没有找到这家医院，请在列表里点选医院，或拨打客服热线。' },
  FILE_TOO_LARGE: { status: 413, message: '这张照片太大了（超过 5 MB）。请重新拍一张，或选一张小一些的照片。' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: '只能上传照片（JPG、PNG 或 WEBP 格式）。请重新拍照或选择照片。' },
  FILE_LIMIT_REACHED: { status: 422, message: '这次预约的照片已经够多了（最多 12 张）。其余材料请服务人员上门时再拍。' },
  NOT_LINKED_TO_ELDER: { status: 403, message: '需要长辈先同意，您才能为他（她）预约。' },
  // ---- family invitations ----
  INVITE_NOT_FOUND: { status: 404, message: '这个邀请链接不对或已经失效。请让家人在“我的家人”里重新发一次邀请。' },
  INVITE_EXPIRED: { status: 410, message: '这个邀请已经过期了（邀请 7 天内有效）。请让家人重新发一次邀请。' },
  INVITE_USED: { status: 409, message: '这个邀请已经用过了。如果还要关联，请让家人重新发一次邀请。' },
  INVITE_SELF: { status: 422, message: '这是您自己发出的邀请，不能自己同意。请把它发给长辈，由长辈在自己的手机上打开。' },
  INVITE_NOT_FOR_STAFF: { status: 403, message: '服务人员和调度账号不能关联为长辈。请用长辈本人的微信打开这个邀请。' },
  INVITE_LIMIT_REACHED: { status: 429, message: '今天发出的邀请太多了。请先用已经发出的邀请，或者明天再试。' },
  CHANGE_CUTOFF_PASSED: { status: 409, message: '离上门时间太近了，手机上不能再改约或取消。请拨打客服热线 400-800-1234，我们帮您处理。' },
  DOOR_CODE_WRONG: { status: 422, message: '上门码不对。请让客户打开“安心上门”，看预约页上的 6 位上门码，再输入一次。' },
  DOOR_CODE_REQUIRED: { status: 400, message: '请输入客户手机上显示的 6 位上门码。' },
  DOOR_CODE_LOCKED: { status: 423, message: '上门码输错次数太多，已暂停核对。请联系调度员处理。' },
  STAFF_NOT_AVAILABLE: { status: 422, message: '这位服务人员这个时间不能接这次服务（技能、区域、时间或当天单量不符），请换一位。' },
  SLOT_UNCHANGED: { status: 422, message: '新时间和原来的一样。请选一个不同的时间。' },
  INVALID_TIME_RANGE: { status: 400, message: '结束时间要晚于开始时间，请重新选择。' },
  // ---- the staff workbench and the dispatch console ----
  VISIT_NOT_READY_TO_COMPLETE: { status: 422, message: '还有事项没有做完，暂时不能点“完成”。请按页面上的提示补齐后再试。' },
  STAFF_FILE_LIMIT_REACHED: { status: 422, message: '这次上门拍的照片已经很多了（最多 40 张）。如还需要拍，请联系调度员。' },
  LEAVE_NOT_CANCELLABLE: { status: 409, message: '已经开始的请假不能撤回。如需提前回来上班，请联系调度员。' },
  WORKING_HOURS_INVALID: { status: 400, message: '工作时间有误：结束要晚于开始，同一天的时间段不能重叠。请重新选择。' },
  STAFF_NO_TAKEN: { status: 409, message: '这个工号已经有人在用了，请换一个工号。' },
  STAFF_INVITE_NOT_FOUND: { status: 404, message: '这个邀请链接不对或已经失效。请联系调度员重新发一次。' },
  STAFF_INVITE_EXPIRED: { status: 410, message: '这个邀请已经过期了（7 天内有效）。请联系调度员重新发一次。' },
  STAFF_INVITE_USED: { status: 409, message: '这个邀请已经用过了。请直接登录；如有问题，请联系调度员。' },
  WECHAT_ALREADY_BOUND: { status: 409, message: '这个微信已经在用“安心上门”的其他账号。请用工作微信打开邀请，或联系调度员。' },
  RATING_NOT_ALLOWED: { status: 409, message: '服务完成以后才能评价。服务完成后，请再打开这一页。' },
  ALREADY_RATED: { status: 409, message: '这次服务您已经评价过了，谢谢您！' },
  COMPLAINT_NOT_ALLOWED: { status: 409, message: '服务人员出发以后才能在这里投诉。还没上门的预约可以改约或取消；有急事请拨打客服热线 400-800-1234。' },
  ANSWER_REQUIRED: { status: 400, message: '请写上给客户的答复，再标为已答复。' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: '提交信息不完整，请返回重新提交。' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '这次提交与之前的不一致，请返回重新填写后提交。' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录没有成功，请重新打开小程序再试。' },
  WECHAT_CODE_USED: { status: 401, message: '这次登录已失效，请重新点击登录。' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时繁忙，请稍等一会儿再登录。' },
  DEV_LOGIN_DISABLED: { status: 403, message: '体验登录已关闭，请使用微信登录。' },
  RATE_LIMITED: { status: 429, message: '操作太频繁了，请休息一下，稍后再试。' },
  REQUEST_TIMEOUT: { status: 408, message: '网络有点慢，这次没有传完。请稍等一下，再试一次。' },
  INTERNAL: { status: 500, message: '系统出了点问题，我们正在处理。请稍后再试，或拨打客服热线。' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const HOTLINE = '400-800-1234';

/** A refusal the domain can name. The server maps it to HTTP in one place. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, details: Record<string, unknown> = {}) {
    super(`${code}: ${ERROR_CATALOG[code].message}`);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }
  get userMessage(): string {
    return ERROR_CATALOG[this.code].message;
  }
}

export function errorMessage(code: string): string {
  return code in ERROR_CATALOG ? ERROR_CATALOG[code as ErrorCode].message : ERROR_CATALOG.INTERNAL.message;
}
