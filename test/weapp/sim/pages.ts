/**
 * What app.json declares: the pages (main package and sub-packages), tab pages, and each page's
 * own JSON. Used to resolve navigation the way WeChat does, and by the "every page" test.
 */
import fs from 'node:fs';
import path from 'node:path';

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
  window?: Record<string, unknown>;
}

export interface AppManifest {
  /** Every page route without a leading slash, main package first, in app.json order. */
  routes: string[];
  tabRoutes: Set<string>;
  window: Record<string, unknown>;
  pageJson(route: string): Record<string, unknown>;
}

export function readManifest(distDir: string): AppManifest {
  const app = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson;
  const subs = app.subPackages ?? app.subpackages ?? [];
  const routes = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p)))];
  return {
    routes,
    tabRoutes: new Set((app.tabBar?.list ?? []).map((t) => t.pagePath.replace(/^\//, ''))),
    window: app.window ?? {},
    pageJson: (route) => JSON.parse(fs.readFileSync(path.join(distDir, `${route}.json`), 'utf8')) as Record<string, unknown>,
  };
}

export interface ParsedUrl {
  route: string;
  query: Record<string, string>;
}

/** `/booking/pages/time/index?x=1` or a path relative to the current page, as wx.navigateTo reads it. */
export function parsePageUrl(url: string, fromRoute: string | null): ParsedUrl {
  const [rawPath, rawQuery = ''] = url.split('?');
  const route = rawPath.startsWith('/') ? rawPath.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(fromRoute ?? ''), rawPath));
  const query: Record<string, string> = {};
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const [k, v = ''] = part.split('=');
    // WeChat hands query values to onLoad still URL-encoded; Taro decodes them itself.
    query[k] = v;
  }
  return { route: route.replace(/\.html$/, ''), query };
}
