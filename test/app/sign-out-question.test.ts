/**
 * 退出登录 asks once more; with staff writes still waiting on the phone it says how many, and
 * that they go out only at the next sign-in on this phone.
 */
import { signOutQuestion } from '@/parts/sign-out-question';

it('with nothing waiting it only asks to confirm', () => {
  expect(signOutQuestion(0)).toEqual({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '不退出' });
});

it('with writes waiting it says how many and what signing out means for them', () => {
  const q = signOutQuestion(3);
  expect(q.title).toBe('还有 3 项没有发送');
  expect(q.content).toContain('手机上还有 3 项记录没有发到系统');
  expect(q.content).toContain('下次在这部手机上登录才会发送');
  expect(q.cancelText).toBe('先不退出');
});

it('keeps every button within WeChat’s 4 characters', () => {
  for (const n of [0, 1, 12]) {
    const q = signOutQuestion(n);
    expect([...q.confirmText].length).toBeLessThanOrEqual(4);
    expect([...q.cancelText].length).toBeLessThanOrEqual(4);
  }
});
