/**
 * "This page renders in WeChat": opened by wx.reLaunch with its query, it settles (network quiet),
 * shows text, shows no error notice (aria-role alert), and the app reported no error meanwhile.
 * A page may send a person elsewhere (the sign-in gate); then it did not "stay", which the caller
 * uses to try it as another kind of user.
 */
import type { MiniProgram } from '../sim/mini-program';

export interface PageResult {
  route: string;
  stayed: boolean;
  problems: string[];
}

export async function checkPageRenders(mp: MiniProgram, route: string, query = ''): Promise<PageResult> {
  const before = mp.errors.length;
  const problems: string[] = [];
  try {
    await mp.navigate('reLaunch', `/${route}${query ? `?${query}` : ''}`);
    // Stop waiting as soon as the app reports an error: a broken page may never show text.
    await mp.screen.waitFor(`${route} to show text`, () => mp.screen.texts().length > 0 || mp.errors.length > before, 15_000);
    await mp.idle();
  } catch (err) {
    problems.push((err as Error).message);
  }
  const stayed = mp.stack.length > 0 && mp.currentPage.route === route;
  if (stayed) {
    const alerts = mp.screen.alerts();
    if (alerts.length) problems.push(`shows an error notice: ${alerts.join(' / ')}`);
    if (!mp.screen.texts().length) problems.push('shows no text');
  }
  for (const e of mp.errors.slice(before)) problems.push(`${e.kind}: ${e.message}`);
  return { route, stayed, problems };
}
