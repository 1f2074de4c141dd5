import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import { elderMode, STANDARD_SIZE_RATIO } from '@/platform/elder-mode';
import { IS_H5 } from '@/platform/env';
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
 * multiplied by, so text follows the WeChat (or browser) font setting. In the browser it is the
 * page's main landmark, so screen readers can jump to it and nothing sits outside a landmark.
 */
export const PageShell = observer(function PageShell({ children, className = '', scale, testId }: PageShellProps) {
  // 长辈模式 off (我的): the standard sizes, body 16 px instead of 20 px, still following the font setting.
  const fs = scale ?? Math.round(fontScale() * (elderMode.get() ? 1 : STANDARD_SIZE_RATIO) * 100) / 100;
  return (
    <View className={`page ${className}`} style={`--fs: ${fs};`} {...(IS_H5 ? { role: 'main' } : {})} {...(testId ? { 'data-testid': testId } : {})}>
      {children}
    </View>
  );
});
