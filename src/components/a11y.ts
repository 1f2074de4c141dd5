import { IS_H5 } from '@/platform/env';

/**
 * Accessibility attributes for a tappable view. Taro H5 components are custom elements with no
 * role; `role` and `aria-label` are copied onto the element (screen readers, browser tests),
 * `ariaRole`/`ariaLabel` are the mini-program names, `tabindex` makes it reachable by keyboard.
 */
type Attrs = Record<string, string | number | boolean>;

export function a11y(label: string, role = 'button', extra: Attrs = {}): Attrs {
  const attrs: Attrs = { ariaRole: role, ariaLabel: label, role, 'aria-label': label, ...extra };
  if (IS_H5 && (role === 'button' || role === 'radio' || role === 'link')) attrs.tabIndex = 0;
  return attrs;
}
