// Runtime half of config/plugins/mini-a11y.ts: the runtime must know the same extra attributes
// as the templates, or the attribute aliases (p0, p1…) would not line up.
import { mergeInternalComponents } from '@tarojs/shared';

const ARIA = { 'aria-role': "''", 'aria-label': "''" };
mergeInternalComponents({ View: { ...ARIA }, Text: { ...ARIA }, Image: { ...ARIA }, Input: { ...ARIA } });
