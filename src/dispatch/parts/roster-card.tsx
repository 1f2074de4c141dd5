import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatEventTime } from '@domain/time';
import type { RosterEntry } from '@domain/schemas-dispatch';
import type { LeaveView } from '@domain/schemas-staff';
import { BigButton, Notice } from '@/components';
import { nav, ROUTES } from '@/platform/nav';
import { minutesText, ROSTER_DAY_LABELS, skillLabel } from '@/stores/dispatch-words';
import { stores } from '@/wiring';
import { LeaveFormView } from './leave-form-view';
import { ProfileFields } from './profile-fields';

function statusWords(e: RosterEntry): string {
  return [e.active ? '在岗' : '已停用（不派单）', e.joined ? '已加入' : '还没加入（邀请还没打开）', e.onLeaveNow ? '⚠ 正在请假' : ''].filter(Boolean).join(' · ');
}

function Facts({ e }: { e: RosterEntry }) {
  const roster = stores.dispatch.roster;
  const certs = e.certificates.map((c) => `${c.name}（${c.number}${c.validUntil ? `，有效期至 ${c.validUntil}` : ''}）`).join('；');
  return (
    <View>
      <Text className='text'>技能：{e.skills.map(skillLabel).join('、')}</Text>
      <Text className='text'>证书：{certs || '无'}</Text>
      <Text className='text'>会说：{e.staff.dialects.join('、') || '—'}</Text>
      <Text className='text'>区域：{e.area.district}，{e.area.radiusKm} 公里以内</Text>
      <Text className='text strong'>
        {ROSTER_DAY_LABELS[roster.day]}：{e.load.visits} 次服务（已完成 {e.load.completed} 次），共 {minutesText(e.load.bookedMinutes)}；每天最多 {e.dailyCap} 单
      </Text>
    </View>
  );
}

const LeaveList = observer(({ e, leave }: { e: RosterEntry; leave: LeaveView[] }) => {
  const roster = stores.dispatch.roster;
  if (!leave.length) return null;
  return (
    <View className='section'>
      <Text className='text strong'>请假：</Text>
      {leave.map((l) => (
        <View key={l.id} className='leave-item'>
          <Text className='text'>
            {formatEventTime(l.from)} 至 {formatEventTime(l.to)} · {l.reason}
          </Text>
          {l.canCancel ? (
            <BigButton
              label='撤回这次请假'
              spokenName={`撤回这次请假：${e.staff.name}，${formatEventTime(l.from)} 开始`}
              variant='secondary'
              busy={roster.isBusy(e.staff.id, `cancel:${l.id}`)}
              busyLabel='正在撤回…'
              onTap={() => void roster.cancelLeave(e.staff.id, l.id)}
            />
          ) : (
            <Text className='text muted'>已经开始，不能撤回</Text>
          )}
        </View>
      ))}
    </View>
  );
});

const Forms = observer(({ e }: { e: RosterEntry }) => {
  const roster = stores.dispatch.roster;
  const id = e.staff.id;
  if (roster.leave?.staffId === id) {
    return (
      <View className='section'>
        <LeaveFormView form={roster.leave.form} name={e.staff.name} />
        <BigButton label='登记请假' busy={roster.isBusy(id, 'leave')} busyLabel='正在登记…' onTap={() => void roster.recordLeave()} />
        <BigButton label='不登记了' variant='secondary' onTap={roster.closeForms} />
      </View>
    );
  }
  if (roster.profile?.staffId === id) {
    return (
      <View className='section'>
        <ProfileFields form={roster.profile.form} showActive />
        <BigButton label='保存资料' busy={roster.isBusy(id, 'profile')} busyLabel='正在保存…' onTap={() => void roster.saveProfile()} />
        <BigButton label='不改了' variant='secondary' onTap={roster.closeForms} />
      </View>
    );
  }
  return (
    <View className='grid'>
      <View className='grid__cell'>
        <BigButton label='登记请假' spokenName={`登记请假：${e.staff.name}`} variant='secondary' onTap={() => roster.openLeave(id)} />
      </View>
      <View className='grid__cell'>
        <BigButton label='修改资料' spokenName={`修改资料：${e.staff.name}`} variant='secondary' onTap={() => roster.openProfile(e)} />
      </View>
      {!e.joined ? (
        <View className='grid__cell'>
          <BigButton
            label='重新发邀请'
            spokenName={`重新发邀请：${e.staff.name}`}
            variant='secondary'
            onTap={() => void nav.go(ROUTES.dispatchNewStaff, { staffId: id, name: e.staff.name, staffNo: e.staff.staffNo })}
          />
        </View>
      ) : null}
    </View>
  );
});

/** One person on the roster: who, what they can do, where, their load on the day, leave, and the forms. */
export const RosterCard = observer(({ e }: { e: RosterEntry }) => {
  const roster = stores.dispatch.roster;
  const message = roster.messages[e.staff.id];
  return (
    <View className='card' data-testid={`staff-${e.staff.staffNo}`}>
      <Text className='big'>
        {e.staff.name}（工号 {e.staff.staffNo}）
      </Text>
      <Text className='text strong'>{statusWords(e)}</Text>
      <Facts e={e} />
      <LeaveList e={e} leave={roster.leaveOf(e)} />
      {message ? <Notice tone={message.tone} text={message.text} /> : null}
      <Forms e={e} />
    </View>
  );
});
