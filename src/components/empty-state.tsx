import { Text, View } from '@tarojs/components';
import { BigButton } from './big-button';

export interface EmptyStateProps {
  title: string;
  /** What to do about it. */
  hint?: string;
  actionLabel?: string;
  onAction?: () => void;
}

export function EmptyState({ title, hint, actionLabel, onAction }: EmptyStateProps) {
  return (
    <View className='empty card'>
      <Text className='empty__title'>{title}</Text>
      {hint ? <Text className='text muted'>{hint}</Text> : null}
      {actionLabel && onAction ? <BigButton label={actionLabel} onTap={onAction} variant='secondary' className='empty__action' /> : null}
    </View>
  );
}
