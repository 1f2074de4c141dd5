import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { fontScale } from '@/platform/font-scale';

export interface PageShellProps {
  children?: ReactNode;
  className?: string;
  /** Font scale (1 = 20 PX body); defaults to the person's setting on this device. */
  scale?: number;
  testId?: string;
}

/**
 * The elder-mode root of every page. It sets --fs, which every font size in the styles is
 * multiplied by, so text follows the WeChat (or browser) font setting.
 */
export function PageShell({ children, className = '', scale, testId }: PageShellProps) {
  const fs = scale ?? fontScale();
  return (
    <View className={`page ${className}`} style={`--fs: ${fs};`} {...(testId ? { 'data-testid': testId } : {})}>
      {children}
    </View>
  );
}
