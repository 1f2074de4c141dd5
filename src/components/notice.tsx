import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { roleAttrs } from './a11y';

export type NoticeTone = 'info' | 'warning' | 'error' | 'success';

const ICON: Record<NoticeTone, string> = { info: 'ⓘ', warning: '⚠', error: '✕', success: '✓' };
const WORD: Record<NoticeTone, string> = { info: '提示', warning: '请注意', error: '没有成功', success: '成功' };

export interface NoticeProps {
  tone?: NoticeTone;
  /** Bold first line; defaults to a word for the tone so colour is never the only cue. */
  title?: string;
  text?: string;
  children?: ReactNode;
  testId?: string;
}

/** A message in the flow of the page (never a pop-up). Errors are announced to screen readers. */
export function Notice({ tone = 'info', title, text, children, testId }: NoticeProps) {
  const live = roleAttrs(tone === 'error' ? 'alert' : 'status');
  return (
    <View className={`notice notice--${tone}`} {...live} {...(testId ? { 'data-testid': testId } : {})}>
      <Text className='notice__title'>
        {ICON[tone]} {title ?? WORD[tone]}
      </Text>
      {text ? <Text className='notice__text'>{text}</Text> : null}
      {children}
    </View>
  );
}
