/**
 * What 退出登录 asks. Staff writes still waiting in the outbox stay on the phone and are sent at
 * this person's next sign-in on it, so signing out loses nothing, but the customer and the
 * dispatcher would not see those steps until then: the question says so, in numbers.
 * (WeChat's showModal allows at most 4 characters on each button.)
 */
export interface SignOutQuestion {
  title: string;
  content: string;
  confirmText: string;
  cancelText: string;
}

export function signOutQuestion(waiting: number): SignOutQuestion {
  if (waiting <= 0) return { title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '不退出' };
  return {
    title: `还有 ${waiting} 项没有发送`,
    content: `手机上还有 ${waiting} 项记录没有发到系统。现在退出，要等您下次在这部手机上登录才会发送，客户暂时看不到。建议联网发送完再退出。`,
    confirmText: '仍然退出',
    cancelText: '先不退出',
  };
}
