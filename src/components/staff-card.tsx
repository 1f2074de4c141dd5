import { Image, Text, View } from '@tarojs/components';
import type { StaffCard as StaffCardData } from '@domain/schemas';
import { BigButton } from './big-button';

export interface StaffCardProps {
  staff: StaffCardData;
  /** Absolute photo URL (the page knows the server). */
  photoSrc: string;
  /** Why this person: "曾为您服务 2 次"… */
  reasons?: string[];
  /** One tap to reach this person; the card shows a call button when given. */
  onCall?: () => void;
  /** Under the call button: how the call is put through. */
  callHint?: string;
}

/** "曾为您服务 2 次，会说上海话，距您 3.2 公里。" — the reasons as one plain sentence. */
export function reasonSentence(reasons: readonly string[]): string {
  const parts = reasons.map((r) => r.trim().replace(/[。，、；;,.]+$/, '')).filter(Boolean);
  return parts.length ? `${parts.join('，')}。` : '';
}

/** The visit passport: who will come, with photo and 工号, so the person at the door can be checked. */
export function StaffCard({ staff, photoSrc, reasons = [], onCall, callHint }: StaffCardProps) {
  const why = reasonSentence(reasons);
  return (
    <View className='card staff-card' data-testid='staff-card'>
      <View className='staff-card__top'>
        <Image className='staff-card__photo' src={photoSrc} mode='aspectFill' ariaLabel={`${staff.title}的照片`} nativeProps={{ alt: `${staff.title}的照片` }} />
        <View className='staff-card__who'>
          <Text className='big'>{staff.title}</Text>
          <Text className='text'>姓名：{staff.name}</Text>
          <Text className='text'>工号：{staff.staffNo}</Text>
        </View>
      </View>
      {staff.dialects.length ? <Text className='text'>会说：{staff.dialects.join('、')}</Text> : null}
      {why ? (
        <View className='staff-card__reasons'>
          <Text className='text'>
            <Text className='strong'>为什么安排{staff.title}：</Text>
            {why}
          </Text>
        </View>
      ) : null}
      <Text className='text muted staff-card__check'>上门时请核对照片和工号，对不上请不要开门，并拨打客服热线。</Text>
      {onCall ? <BigButton label={`打电话给${staff.title}`} sublabel={callHint} variant='secondary' onTap={onCall} testId='call-staff' className='staff-card__call' /> : null}
    </View>
  );
}
