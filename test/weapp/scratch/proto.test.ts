import { MiniProgram } from '../sim/mini-program';
import { startServer, type RunningServer } from '../../e2e/support/server-process';

let server: RunningServer;
beforeAll(async () => { server = await startServer(); }, 60000);
afterAll(async () => { await server?.stop(); });

test('proto', async () => {
  const mp = await MiniProgram.launch({ serverUrl: server.url, name: 'customer' });
  try {
    await mp.screen.waitForText('欢迎使用安心上门', 5000).catch((e) => console.log(String(e)));
    console.log(mp.currentPage.route, mp.screen.texts().slice(0, 20), mp.errors, mp.realm.logs.slice(0, 10), mp.setDataLog.slice(0, 5));
    console.log(mp.screen.tappables().map((t) => t.label));
  } finally {
    mp.close();
  }
});
