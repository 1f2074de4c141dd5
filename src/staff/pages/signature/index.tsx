import { Canvas, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, useState } from 'react';
import { BigButton, Heading, Notice, PageShell } from '@/components';
import { usePageParams } from '@/hooks/use-page-params';
import { useSessionGate } from '@/hooks/use-session-gate';
import { IS_H5 } from '@/platform/env';
import { nav, ROUTES } from '@/platform/nav';
import { openSignaturePad, type SignaturePad } from '@/platform/signature-canvas';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import '../../parts/staff.scss';

const PAD_ID = 'signature-pad';
type Touch = { touches: Array<{ x: number; y: number }> };

/** The customer signs on the phone with a finger; the PNG goes into the outbox with the rest. */
const SignaturePage = observer(() => {
  const { task, writes } = stores.staff;
  const params = usePageParams();
  const ready = useSessionGate('staff') && params !== null;
  const id = params?.id ?? '';
  const pad = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!ready) return undefined;
    if (id && task.id !== id) void task.open(id);
    // After the page has drawn the box the pad goes into.
    const timer = setTimeout(() => {
      void openSignaturePad(PAD_ID, setEmpty).then((p) => {
        pad.current = p;
        setMissing(!p);
      });
    }, 50);
    return () => {
      clearTimeout(timer);
      pad.current?.destroy();
      pad.current = null;
    };
  }, [ready, id, task]);

  if (!ready) return <GateFallback />;

  const confirm = async () => {
    if (!pad.current || saving) return;
    setSaving(true);
    const drawn = await pad.current.export().catch(() => null);
    setSaving(false);
    if (!drawn) return;
    writes.sign(drawn.png, drawn.localPath);
    void nav.back(ROUTES.staffTasks);
  };
  const forward = (fn: (x: number, y: number) => void) => (e: Touch) => e.touches[0] && fn(e.touches[0].x, e.touches[0].y);

  return (
    <PageShell>
      <Heading>请客户签名</Heading>
      <Text className='text'>请把手机交给客户，用手指在下面的白框里写下自己的名字。</Text>
      {IS_H5 ? (
        <View id={PAD_ID} className='signature-pad' data-testid='signature-pad' />
      ) : (
        <View className='signature-pad'>
          <Canvas
            id={PAD_ID}
            type='2d'
            className='signature-pad__canvas'
            disableScroll
            onTouchStart={forward((x, y) => pad.current?.start(x, y)) as never}
            onTouchMove={forward((x, y) => pad.current?.move(x, y)) as never}
            onTouchEnd={() => pad.current?.end()}
          />
        </View>
      )}
      {missing ? <Notice tone='warning' text='这台手机打不开签名板。请更新微信后再试，或联系调度员。' /> : null}
      <BigButton label='确认签名' disabled={empty || missing} busy={saving} busyLabel='正在保存…' onTap={() => void confirm()} />
      <BigButton label='清除，重新签' variant='secondary' disabled={empty} onTap={() => pad.current?.clear()} />
      <BigButton label='先不签，回到任务' variant='quiet' onTap={() => void nav.back(ROUTES.staffTasks)} />
    </PageShell>
  );
});

export default SignaturePage;
