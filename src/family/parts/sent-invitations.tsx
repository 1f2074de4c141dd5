import { Text, View } from '@tarojs/components';
import { RELATION_LABELS } from '@domain/family';
import type { SentInvitation } from '@domain/schemas-family';
import { formatChinaDay } from '@domain/time';

/** Invitations still waiting for the elder, or that the elder declined. */
export function SentInvitations({ items }: { items: SentInvitation[] }) {
  if (!items.length) return null;
  return (
    <View>
      <Text className='h2'>发出的邀请</Text>
      {items.map((i) => (
        <View key={i.id} className='card'>
          <Text className='text strong'>以“{RELATION_LABELS[i.relation]}”的身份邀请</Text>
          <Text className='text'>
            {i.state === 'declined' ? '长辈没有同意。可以打电话问问长辈，再发一次。' : `等长辈同意，${formatChinaDay(i.expiresAt)}前有效。`}
          </Text>
        </View>
      ))}
    </View>
  );
}
