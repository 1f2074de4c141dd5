import { Notice } from './notice';

export const ANTI_FRAUD_TEXT = '服务人员不会向您收取任何费用，也不会索要银行卡密码或验证码。如有人这样做，请立即拨打客服热线。';

/** Said every time before and around a visit: the elderly are the target of scams. */
export function AntiFraudNotice() {
  return <Notice tone='warning' title='请记住' text={ANTI_FRAUD_TEXT} testId='anti-fraud' />;
}
