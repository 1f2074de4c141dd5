import { Text, View } from '@tarojs/components';
import { relationWord } from '@domain/family';
import type { FollowedElder } from '@domain/schemas-family';
import { formatVisitWindow } from '@domain/time';
import { BigButton, StatusBadge } from '@/components';

export interface FollowedElderCardProps {
  item: FollowedElder;
  onBook: (item: FollowedElder) => void;
  onOpenVisit: (bookingId: string) => void;
  onOpenLink: (linkId: string) => void;
}

/** One parent the family member follows: their next visit and what can be done for them. */
export function FollowedElderCard({ item, onBook, onOpenVisit, onOpenLink }: FollowedElderCardProps) {
  const { elder, nextVisit } = item;
  return (
    <View className='card' data-testid='followed-elder'>
      <Text className='family-card__name'>{elder.name}</Text>
      <Text className='text muted'>
        您是{elder.name}的{relationWord(item.relation)}
      </Text>
      <View className='family-card__visit'>
        {nextVisit ? (
          <View>
            <Text className='text strong'>下一次上门：</Text>
            <StatusBadge status={nextVisit.status} label={nextVisit.statusLabel} />
            <Text className='text'>{formatVisitWindow(nextVisit.slotStart, nextVisit.slotEnd)}</Text>
          </View>
        ) : (
          <Text className='text'>目前没有待上门的预约。</Text>
        )}
      </View>
      <BigButton label={`为${elder.name}预约上门理赔`} onTap={() => onBook(item)} />
      {nextVisit ? <BigButton label='查看这次上门' sublabel='进度和服务人员' variant='secondary' onTap={() => onOpenVisit(nextVisit.id)} /> : null}
      <BigButton label={`和${elder.name}的关联详情`} variant='quiet' onTap={() => onOpenLink(item.linkId)} />
    </View>
  );
}
