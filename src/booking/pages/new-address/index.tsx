import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { districtOf, SHANGHAI_DISTRICTS } from '@domain/districts';
import { ADDRESS_LABELS } from '@domain/address-labels';
import { BigButton, HotlineButton, Notice, PageShell, TextField } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { CAN_PICK_ON_MAP, pickPlaceOnMap } from '@/platform/location';
import { nav, ROUTES } from '@/platform/nav';
import { callPhone } from '@/platform/phone';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { DraftLost } from '../../parts/draft-lost';
import '../../parts/booking.scss';

type Label = (typeof ADDRESS_LABELS)[number];

/** A new address: one typed line, everything else a tap (or one pick on WeChat's map). */
const NewAddressPage = observer(() => {
  const { draft } = stores;
  const ready = useSessionGate('customer');
  const [label, setLabel] = useState<Label>('家');
  const [district, setDistrict] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  if (!ready) return <GateFallback />;
  if (!draft.elder) return <DraftLost />;

  const fromMap = async () => {
    const place = await pickPlaceOnMap();
    if (place.kind !== 'picked') return;
    setPoint({ lat: place.lat, lng: place.lng });
    setDistrict(districtOf(place, place.address).name);
    setText(`${place.address}${place.name && !place.address.includes(place.name) ? ` ${place.name}` : ''}`.slice(0, 200));
  };
  const missing = !district ? '请点一下所在的区' : text.trim().length < 4 ? '请写上路名、门牌号和房间号' : null;
  const save = async () => {
    if (missing || !district) return;
    const ok = await draft.saveAddress({ label, text: text.trim(), district, ...(point ?? {}) });
    if (ok) void nav.replace(ROUTES.bookTime);
  };

  return (
    <PageShell>
      <Text className='h1'>添加一个新地址</Text>
      <Text className='h2'>这是哪里？</Text>
      <View className='grid'>
        {ADDRESS_LABELS.map((l) => (
          <View key={l} className='grid__cell'>
            <BigButton label={l} variant='choice' selected={label === l} onTap={() => setLabel(l)} />
          </View>
        ))}
      </View>
      {CAN_PICK_ON_MAP ? <BigButton label='在地图上选地址' sublabel='选好后，再补上楼号和房间号' variant='secondary' onTap={() => void fromMap()} /> : null}
      <Text className='h2'>在哪个区？</Text>
      <View className='grid' data-testid='districts'>
        {SHANGHAI_DISTRICTS.map((d) => (
          <View key={d.name} className='grid__cell'>
            <BigButton
              label={d.name}
              variant='choice'
              selected={district === d.name}
              onTap={() => {
                setDistrict(d.name);
                // A typed address is placed at the district's centre; a map point in another district no longer fits.
                if (point && districtOf(point).name !== d.name) setPoint(null);
              }}
            />
          </View>
        ))}
      </View>
      <TextField
        label='详细地址（路名、门牌号、楼号、房间号）：'
        spokenName='详细地址：路名、门牌号、楼号、房间号'
        value={text}
        onChange={setText}
        maxLength={200}
        placeholder='例如：宛平南路 88 弄 6 号 302 室'
      />
      {draft.addressSaveError ? <Notice tone='error' title='地址没有保存上' text={draft.addressSaveError} testId='address-save-error' /> : null}
      <BigButton
        label='保存并使用这个地址'
        sublabel={missing ?? '下一步：选时间'}
        disabled={!!missing}
        busy={draft.savingAddress}
        busyLabel='正在保存…'
        onTap={() => void save()}
        testId='save-address'
      />
      <HotlineButton onCall={callPhone} label='不会填？打电话让我们帮您' />
    </PageShell>
  );
});

export default NewAddressPage;
