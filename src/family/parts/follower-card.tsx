import { Text, View } from '@tarojs/components';
import { relationWord } from '@domain/family';
import type { FamilyMember } from '@domain/schemas-family';
import { formatChinaDay } from '@domain/time';
import { BigButton } from '@/components';

/** A family member the elder allowed to act for them; the elder can look and withdraw from here. */
export function FollowerCard({ item, onOpen }: { item: FamilyMember; onOpen: (linkId: string) => void }) {
  return (
    <View className='card' data-testid='family-member'>
      <Text className='family-card__name'>{item.member.name}</Text>
      <Text className='text muted'>
        您的{relationWord(item.relation)} · {formatChinaDay(item.consentedAt)}同意
      </Text>
      <BigButton label={`查看或取消${item.member.name}的授权`} variant='secondary' onTap={() => onOpen(item.linkId)} />
    </View>
  );
}
