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
  NOT_LINKED_TO_ELDER: { status: 403, message: '需要长辈先同意，您才能为他（她）预约。' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: '提交信息不完整，请返回重新提交。' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '这次提交与之前的不一致，请返回重新填写后提交。' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录没有成功，请重新打开小程序再试。' },
  WECHAT_CODE_USED: { status: 401, message: '这次登录已失效，请重新点击登录。' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时繁忙，请稍等一会儿再登录。' },
  DEV_LOGIN_DISABLED: { status: 403, message: '体验登录已关闭，请使用微信登录。' },
  RATE_LIMITED: { status: 429, message: '操作太频繁了，请休息一下，稍后再试。' },
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
