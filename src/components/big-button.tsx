import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { a11y } from './a11y';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet' | 'choice';

export interface BigButtonProps {
  label: string;
  onTap: () => void;
  variant?: ButtonVariant;
  /** A second line under the label (still ≥ 20 PX). */
  sublabel?: string;
  disabled?: boolean;
  /** Shows `busyLabel` and ignores taps while an action runs. */
  busy?: boolean;
  busyLabel?: string;
  /** For choices (claim type, time): chosen; shown by a ✓ and a fill, never by colour alone. */
  selected?: boolean;
  /**
   * Spoken name; defaults to the label (and sublabel). Not called `ariaLabel`: Taro's JSX transform
   * renames that prop to `aria-label` on every element, custom components included, so it would
   * never arrive here.
   */
  spokenName?: string;
  testId?: string;
  className?: string;
  children?: ReactNode;
}

/** The one button of the app: at least 64×64 PX, large bold text, clear states. */
export function BigButton(props: BigButtonProps) {
  const { label, sublabel, variant = 'primary', disabled, busy, busyLabel, selected, testId, className = '' } = props;
  const inactive = disabled || busy;
  const shown = busy ? busyLabel || '请稍候…' : label;
  const name = props.spokenName ?? (sublabel ? `${label}，${sublabel}` : label);
  const extra: Record<string, string> = {};
  if (inactive) extra['aria-disabled'] = 'true';
  if (selected !== undefined) extra['aria-pressed'] = selected ? 'true' : 'false';
  if (busy) extra['aria-busy'] = 'true';
  if (testId) extra['data-testid'] = testId;
  const classes = ['btn', `btn--${variant}`, selected ? 'btn--selected' : '', inactive ? 'btn--inactive' : '', className].filter(Boolean).join(' ');
  return (
    <View
      className={classes}
      hoverClass={inactive ? 'none' : 'btn--hover'}
      onClick={() => {
        if (!inactive) props.onTap();
      }}
      {...a11y(name, 'button', extra)}
    >
      <View className='btn__body'>
        <Text className='btn__label'>
          {selected ? '✓ ' : ''}
          {shown}
        </Text>
        {sublabel && !busy ? <Text className='btn__sub'>{sublabel}</Text> : null}
        {props.children}
      </View>
    </View>
  );
}
