import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { BigButton, Heading, Notice, PageShell, TextField } from '@/components';
import { usePageParams } from '@/hooks/use-page-params';
import { useSessionGate } from '@/hooks/use-session-gate';
import { nav, ROUTES } from '@/platform/nav';
import { scrollToSelector } from '@/platform/scroll';
import { GateFallback } from '@/parts/gate-fallback';
import type { Gender } from '@/stores/dispatch-new-staff-store';
import { stores } from '@/wiring';
import { DispatchNav } from '../../parts/dispatch-nav';
import { InvitationNotice } from '../../parts/invitation-notice';
import { ProfileFields } from '../../parts/profile-fields';
import '../../parts/dispatch.scss';

/** Query values may arrive still percent-encoded (H5) or decoded (WeChat). */
function readable(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

const GENDERS: Array<{ value: Gender; label: string }> = [
  { value: 'female', label: '女' },
  { value: 'male', label: '男' },
];

/** Opened from the roster for someone who has not joined: a fresh link for them. */
const Reissue = observer(({ staffId, name, staffNo }: { staffId: string; name: string; staffNo: string }) => {
  const s = stores.dispatch.newStaff;
  return (
    <View className='card section'>
      <Heading level={2}>
        给{name}（工号 {staffNo}）重新发邀请
      </Heading>
      <Text className='text section'>他（她）还没有打开邀请。重新发一次，会得到一个新的链接。</Text>
      <BigButton label='生成新的邀请链接' busy={s.reissuing === staffId} busyLabel='正在生成…' onTap={() => void s.reissue({ id: staffId, name, staffNo })} />
    </View>
  );
});

const WhoFields = observer(() => {
  const s = stores.dispatch.newStaff;
  return (
    <View>
      <View className='field-row'>
        <TextField label='姓名：' spokenName='姓名' value={s.name} maxLength={20} placeholder='例如：赵敏' onChange={(v) => s.set('name', v)} />
        <TextField label='工号：' spokenName='工号' value={s.staffNo} maxLength={12} placeholder='AX1013' onChange={(v) => s.set('staffNo', v)} />
        <TextField label='工作手机号：' spokenName='工作手机号' value={s.phone} maxLength={13} placeholder='11 位手机号' onChange={(v) => s.set('phone', v)} />
      </View>
      <Text className='field-label'>性别：</Text>
      <View className='grid section'>
        {GENDERS.map((g) => (
          <View key={g.value} className='grid__cell'>
            <BigButton label={g.label} spokenName={`性别${g.label}`} variant='choice' selected={s.gender === g.value} onTap={() => s.setGender(g.value)} />
          </View>
        ))}
      </View>
    </View>
  );
});

const NewStaffPage = observer(() => {
  const s = stores.dispatch.newStaff;
  const params = usePageParams();
  const ready = useSessionGate('dispatcher') && params !== null;
  useEffect(() => s.forgetInvitation, [s]);
  if (!ready) return <GateFallback />;
  const { staffId, name, staffNo } = params ?? {};
  const create = async () => {
    if (await s.create()) scrollToSelector('#staff-invitation');
  };

  return (
    <PageShell className='dispatch'>
      <Heading>新建服务人员账号</Heading>
      <DispatchNav current='newStaff' />
      <View id='staff-invitation'>{s.issued ? <InvitationNotice issued={s.issued} /> : null}</View>
      {staffId ? <Reissue staffId={staffId} name={readable(name) || '这位人员'} staffNo={staffNo ?? ''} /> : null}
      <Text className='text section'>建好以后会得到一个邀请链接。对方在工作手机上打开，就能用这个账号接单。</Text>
      <View className='dispatch-cols'>
        <View className='dispatch-col'>
          <WhoFields />
        </View>
        <View className='dispatch-col'>
          <ProfileFields form={s.form} />
        </View>
      </View>
      {s.error ? <Notice tone='error' title='账号没有建好' text={s.error} testId='new-staff-error' /> : null}
      <BigButton label='建好账号，生成邀请' busy={s.saving} busyLabel='正在建账号…' onTap={() => void create()} />
      <BigButton label='回到人员名单' variant='secondary' onTap={() => void nav.relaunch(ROUTES.dispatchStaff)} />
    </PageShell>
  );
});

export default NewStaffPage;
