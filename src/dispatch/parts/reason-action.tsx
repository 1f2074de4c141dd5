import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, Notice, TextField } from '@/components';
import { ACTION_LABELS, type DispatchActionKind } from '@/stores/dispatch-booking-store';
import { stores } from '@/wiring';

export interface ReasonActionProps {
  kind: DispatchActionKind;
  /** When and why to use it. */
  hint?: string;
  /** The first button (改派给 王建国); the action's name by default. */
  label?: string;
  /** The question of the confirming step. */
  question: string;
  danger?: boolean;
}

/**
 * One hand action on a booking: a reason (kept in the booking's history), a first tap, then a
 * confirming tap in the page (not a pop-up), so a stray click changes nothing.
 */
export const ReasonAction = observer(({ kind, hint, label, question, danger }: ReasonActionProps) => {
  const store = stores.dispatch.booking;
  const name = ACTION_LABELS[kind];
  return (
    <View className='card' data-testid={`action-${kind}`}>
      {hint ? <Text className='text section'>{hint}</Text> : null}
      <TextField
        label={`${name}的原因：`}
        spokenName={`${name}的原因`}
        value={store.reasons[kind]}
        onChange={(v) => store.setReason(kind, v)}
        maxLength={200}
        placeholder='例如：客户来电要求'
      />
      {store.asking === kind ? (
        <Notice tone='warning' title={question} text={`原因：${store.reasons[kind].trim()}`}>
          <View className='confirm-panel'>
            <BigButton label={`确定${name}`} variant={danger ? 'danger' : 'primary'} busy={store.acting === kind} busyLabel='正在提交…' onTap={() => void store.confirm()} />
            <BigButton label='再想想' variant='secondary' onTap={store.stopAsking} />
          </View>
        </Notice>
      ) : (
        <BigButton label={label ?? name} variant={danger ? 'danger' : 'primary'} disabled={Boolean(store.acting)} onTap={() => store.ask(kind)} />
      )}
    </View>
  );
});
