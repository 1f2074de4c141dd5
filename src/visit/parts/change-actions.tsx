import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatChinaClock, formatChinaDay } from '@domain/time';
import type { BookingView } from '@domain/schemas';
import { BigButton, Heading, HotlineButton, Notice } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { changeCutoffPassed, cutoffHours } from '@/stores/visit-change';

/**
 * Change or cancel the visit, while the app may (the server's allowedActions); after the cut-off
 * the same place says why and offers the hotline instead. Nothing here counts down.
 */
export const ChangeActions = observer(({ b }: { b: BookingView }) => {
  const canMove = b.allowedActions.includes('reschedule');
  const canCancel = b.allowedActions.includes('cancel');
  const tooLate = changeCutoffPassed(b);
  if (!canMove && !canCancel && !tooLate) return null;
  const deadline = `${formatChinaDay(b.changeDeadline)} ${formatChinaClock(b.changeDeadline)}`;
  return (
    <View className='section' data-testid='change-actions'>
      <Heading level={2}>改时间或取消</Heading>
      {tooLate ? (
        <Notice tone='info' title={`来访前 ${cutoffHours(b)} 小时内不能在手机上改，请打电话`} text='需要改时间或取消，请打电话，我们帮您办。' testId='cutoff-passed'>
          <HotlineButton onCall={callPhone} label='打电话改约或取消' />
        </Notice>
      ) : (
        <>
          <Text className='text muted'>{deadline} 以前可以在手机上改；再晚请打电话。</Text>
          {canMove ? <BigButton label='改个时间' sublabel='原来的服务人员有空的时间排在前面' variant='secondary' onTap={() => void nav.go(ROUTES.visitReschedule, { id: b.id })} testId='go-reschedule' /> : null}
          {canCancel ? <BigButton label='取消这次预约' variant='secondary' onTap={() => void nav.go(ROUTES.visitCancel, { id: b.id })} testId='go-cancel' /> : null}
        </>
      )}
    </View>
  );
});
