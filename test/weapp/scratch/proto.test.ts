import { MiniProgram } from '../sim/mini-program';
import { startServer, type RunningServer } from '../../e2e/support/server-process';

let server: RunningServer;
beforeAll(async () => { server = await startServer(); }, 120000);
afterAll(async () => { await server?.stop(); });

test('proto', async () => {
  const mp = await MiniProgram.launch({ serverUrl: server.url, name: 'customer' });
  try {
    await mp.screen.waitForText('张秀英', 10000);
    const b = mp.screen.tappables();
    console.log(b.map((t) => [t.role, t.label]));
    const el = mp.currentPage.container.querySelector('.btn') as any;
    console.log(el.__wxElement?._vt?.attrs, Object.keys(el.__wxElement?._vt?.event ?? {}));
    await mp.screen.tap(/^张秀英/);
    await mp.screen.waitForText('您想办什么事', 10000);
    console.log(mp.currentPage.route, mp.screen.texts(), mp.stack.map((s) => s.route), mp.errors, mp.calls.map(c=>c.api));
  } finally {
    mp.close();
  }
}, 60000);
