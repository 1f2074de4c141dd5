/**
 * Serves the H5 build of the mini-program (dist/h5) at / from the same process as the API, so one
 * URL opens the whole product. The app uses hash routing, so no fallback to index.html is needed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>安心上门</title></head>
<body style="font-size:20px;line-height:1.6;padding:24px;color:#111">
<h1>安心上门</h1><p>服务已启动，但网页版还没有构建。</p>
<p>请在项目目录运行 <code>npm run build:h5</code>，然后刷新本页。接口文档见 <a href="/docs">/docs</a>。</p>
</body></html>`;

export async function registerH5(app: FastifyInstance, h5Dir: string): Promise<void> {
  const root = resolve(h5Dir);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn({ h5Dir: root }, 'H5 build not found: serving a placeholder page at /');
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'] });
}
