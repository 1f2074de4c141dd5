import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { roleAttrs } from './a11y';

/**
 * A page's title (level 1) or a section's (level 2), styled as `.h1`/`.h2` and announced as a
 * heading, so a screen reader can list the page's parts and jump between them.
 */
export function Heading({ level = 1, children, className = '' }: { level?: 1 | 2; children?: ReactNode; className?: string }) {
  return (
    <Text className={`h${level} ${className}`.trim()} {...roleAttrs('heading')} aria-level={level}>
      {children}
    </Text>
  );
}
