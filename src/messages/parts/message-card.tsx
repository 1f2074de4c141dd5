import { Text, View } from '@tarojs/components';
import type { Message } from '@domain/schemas-notifications';
import { formatEventTime } from '@domain/time';
import { a11y } from '@/components';

export interface MessageCardProps {
  message: Message;
  /** Opens what the message is about (and marks it read). */
  onOpen: (message: Message) => void;
}

/** One message; the spoken name is what is shown, unread first (never colour alone). */
export function MessageCard({ message, onOpen }: MessageCardProps) {
  const time = formatEventTime(message.createdAt);
  return (
    <View
      className={`card message-card${message.read ? '' : ' message-card--unread'}`}
      hoverClass='card--hover'
      onClick={() => onOpen(message)}
      data-testid='message'
      {...a11y('')}
    >
      {message.read ? null : <Text className='message-card__flag'>未读</Text>}
      <Text className='message-card__title'>{message.title}</Text>
      <Text className='text'>{message.body}</Text>
      <Text className='text muted message-card__time'>{time}</Text>
    </View>
  );
}
