import { Text, View } from '@tarojs/components';
import { FAMILY_PERMISSIONS } from '@domain/family';

/** What a consenting elder allows, in the same words everywhere (consent page, link page). */
export function Permissions({ lead, items = FAMILY_PERMISSIONS }: { lead: string; items?: readonly string[] }) {
  return (
    <View className='family-permissions'>
      <Text className='text'>{lead}</Text>
      {items.map((p) => (
        <Text key={p} className='family-permissions__item'>
          ✓ {p}
        </Text>
      ))}
    </View>
  );
}
