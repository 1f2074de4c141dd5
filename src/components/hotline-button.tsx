import { HOTLINE } from '@domain/errors';
import { BigButton } from './big-button';

/** One tap to the hotline, on every booking page. */
export function HotlineButton({ onCall, label = '拨打客服热线' }: { onCall: (phone: string) => void; label?: string }) {
  return (
    <BigButton
      label={label}
      sublabel={HOTLINE}
      spokenName={`${label} ${HOTLINE}`}
      variant='secondary'
      onTap={() => onCall(HOTLINE)}
      testId='hotline'
    />
  );
}
