import { observer } from 'mobx-react-lite';
import { BigButton, Notice } from '@/components';
import { stores } from '@/wiring';

/** The server refused a write of this task: its Chinese message, and the door-code tries left. */
export const RefusalNotice = observer(() => {
  const { task } = stores.staff;
  const r = task.refusal;
  if (!r) return null;
  const left = r.attemptsLeft !== null ? `还可以再试 ${r.attemptsLeft} 次。` : '';
  return (
    <Notice tone='error' title={`“${r.label}”没有成功`} text={`${r.message}${left}`} testId='refusal'>
      <BigButton label='知道了' variant='secondary' onTap={task.dismissRefusal} />
    </Notice>
  );
});
