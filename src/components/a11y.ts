import { IS_H5 } from '@/platform/env';

/**
 * Accessibility attributes for a tappable view. Taro H5 components are custom elements with no
 * role; `role` and `aria-label` are copied onto the element (screen readers, browser tests),
 * `tabindex` makes it reachable by keyboard. WeChat's name for the role is `aria-role`
 * (`ariaRole`), which is not an ARIA attribute in a browser: it is set on the mini-program only,
 * so H5 stays valid ARIA (axe: aria-valid-attr).
 */
type Attrs = Record<string, string | number | boolean>;

/** The role in the platform's own attribute: `role` in the browser, `aria-role` in WeChat. */
export function roleAttrs(role: string): Attrs {
  return IS_H5 ? { role } : { ariaRole: role, role };
}

/**
 * `label` is the spoken name. Pass '' to let the name come from the visible text (best for
 * cards with several lines: a screen reader then reads exactly what is shown, and speech
 * control users can say what they see; axe: label-content-name-mismatch).
 */
export function a11y(label: string, role = 'button', extra: Attrs = {}): Attrs {
  const attrs: Attrs = { ...roleAttrs(role), ...extra };
  if (label) Object.assign(attrs, { ariaLabel: label, 'aria-label': label });
  // Lower-case: Taro's H5 elements would turn `tabIndex` into a `tab-index` attribute, which
  // browsers ignore.
  if (IS_H5 && (role === 'button' || role === 'radio' || role === 'link' || role === 'checkbox')) attrs.tabindex = 0;
  return attrs;
}
