import { Text, View } from '@tarojs/components';
import type { VisitStatus } from '@domain/lifecycle';

type Tone = 'progress' | 'good' | 'done' | 'bad';

function toneOf(status: VisitStatus): Tone {
  if (status === 'confirmed' || status === 'en_route' || status === 'arrived' || status === 'in_service') return 'good';
  if (status === 'completed') return 'done';
  if (status === 'cancelled' || status === 'unmatched' || status.startsWith('no_show')) return 'bad';
  return 'progress';
}

/** The status in words (from the server's statusLabel); colour only repeats what the words say. */
export function StatusBadge({ status, label, large }: { status: VisitStatus; label: string; large?: boolean }) {
  return (
    <View className={`status status--${toneOf(status)} ${large ? 'status--large' : ''}`}>
      <Text>{label}</Text>
    </View>
  );
}
