/**
 * Lets WeChat's screen reader see our roles and labels. Taro's weapp templates only carry the
 * attributes Taro knows, and `aria-role`/`aria-label` (WeChat's accessibility attributes) are not
 * among them: add them to the templates (build time) and to the runtime's component table
 * (mini-a11y-runtime.js), which must agree.
 */
import path from 'node:path';
import type { IPluginContext } from '@tarojs/service';

const ARIA = { 'aria-role': "''", 'aria-label': "''" };
export const A11Y_COMPONENTS = { View: ARIA, Text: ARIA, Image: ARIA, Input: ARIA };
const RUNTIME = path.join(__dirname, 'mini-a11y-runtime.js');

interface PlatformLike {
  runtimePath?: string | string[];
  template?: { mergeComponents?: (c: IPluginContext, patch: Record<string, Record<string, string>>) => void };
}

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: PlatformLike) {
      platform.template?.mergeComponents?.(ctx, A11Y_COMPONENTS);
      const current = platform.runtimePath;
      platform.runtimePath = [...(Array.isArray(current) ? current : current ? [current] : []), RUNTIME];
    },
  });
};
