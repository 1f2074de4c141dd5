import { Text, View } from '@tarojs/components';
import { Heading } from '@/components/heading';

/** "第 2 步，共 5 步" and the question of this step: people always know where they are. */
export function StepHeader({ step, total, title }: { step: number; total: number; title: string }) {
  return (
    <View className='step-header'>
      <Text className='text muted'>
        第 {step} 步，共 {total} 步
      </Text>
      <Heading level={1}>{title}</Heading>
    </View>
  );
}
