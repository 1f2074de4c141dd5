import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { isTerminal } from '@domain/lifecycle';
import { BigButton, Notice } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { stores } from '@/wiring';
import { Arrival } from './arrival';
import { AssessmentNotes } from './assessment';
import { ClaimChecklist, Handover } from './claim-checklist';
import { EscortMilestones } from './escort-milestones';
import { Finish } from './finish';
import { NoShow } from './no-show';
import { OfferActions } from './offer-actions';

/** The work of the day, step by step: each block appears when the server allows its action. */
export const TaskDay = observer(() => {
  const { task } = stores.staff;
  const t = task.task;
  if (!t) return null;
  const inService = t.status === 'in_service';
  return (
    <View>
      {t.customerPhone ? (
        <BigButton label='打电话给客户' sublabel={t.customerPhone} variant='secondary' spokenName={`打电话给客户 ${t.customerPhone}`} onTap={() => callPhone(t.customerPhone as string)} />
      ) : null}
      {t.status === 'offered' ? <OfferActions task={t} onDeclined={() => void nav.back(ROUTES.staffTasks)} /> : null}
      {task.can('depart') ? <BigButton label='出发' sublabel='出发后客户能看到您大约几点到' onTap={task.depart} /> : null}
      {task.can('arrive') ? <Arrival /> : null}
      {task.can('start') ? <BigButton label='开始服务' sublabel='核对过客户身份后点这里' onTap={task.startService} /> : null}
      {inService ? <ClaimChecklist /> : null}
      {inService ? <AssessmentNotes /> : null}
      {inService ? <EscortMilestones /> : null}
      {inService ? <Finish /> : null}
      {task.formError && !task.can('arrive') ? (
        <Text className='text strong' data-testid='form-error'>
          {task.formError}
        </Text>
      ) : null}
      <NoShow />
      {isTerminal(t.status) ? <Notice tone={t.status === 'completed' ? 'success' : 'info'} title={t.statusLabel} text='这次上门已经结束。' testId='task-ended' /> : null}
      {isTerminal(t.status) ? <Handover /> : null}
    </View>
  );
});
