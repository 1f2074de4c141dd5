import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { SKILLS } from '@domain/services';
import { BigButton, TextField } from '@/components';
import type { ProfileForm } from '@/stores/dispatch-profile-form';
import { SKILL_LABELS } from '@/stores/dispatch-words';

const Certificates = observer(({ form }: { form: ProfileForm }) => (
  <View className='section'>
    <Text className='field-label'>证书（伤残鉴定需要有证书的人员）：</Text>
    {form.certificates.map((c, i) => (
      <View key={i} className='card'>
        <View className='field-row'>
          <TextField label={`证书 ${i + 1} 名称：`} spokenName={`证书 ${i + 1} 名称`} value={c.name} maxLength={40} placeholder='例如：伤残鉴定资格证' onChange={(v) => form.setCertificate(i, 'name', v)} />
          <TextField label='编号：' spokenName={`证书 ${i + 1} 编号`} value={c.number} maxLength={40} placeholder='证书上的编号' onChange={(v) => form.setCertificate(i, 'number', v)} />
          <TextField
            label='有效期至（可不填）：'
            spokenName={`证书 ${i + 1} 有效期`}
            value={c.validUntil}
            maxLength={10}
            placeholder='2026-12-31'
            onChange={(v) => form.setCertificate(i, 'validUntil', v)}
          />
        </View>
        <BigButton label={`删掉证书 ${i + 1}`} variant='quiet' onTap={() => form.removeCertificate(i)} />
      </View>
    ))}
    <BigButton label='添加一个证书' variant='secondary' onTap={form.addCertificate} />
  </View>
));

/** What only a dispatcher sets about a person: skills, certificates, dialects, area, daily cap (and active, when editing). */
export const ProfileFields = observer(({ form, showActive }: { form: ProfileForm; showActive?: boolean }) => (
  <View>
    <Text className='field-label'>技能（可多选）：</Text>
    <View className='grid section'>
      {SKILLS.map((s) => (
        <View key={s} className='grid__cell'>
          <BigButton label={SKILL_LABELS[s]} variant='choice' selected={form.hasSkill(s)} onTap={() => form.toggleSkill(s)} />
        </View>
      ))}
    </View>
    <Certificates form={form} />
    <TextField label='会说的方言（用顿号隔开）：' spokenName='会说的方言' value={form.dialects} maxLength={60} placeholder='普通话、上海话' onChange={(v) => form.set('dialects', v)} />
    <View className='field-row'>
      <TextField label='服务的区：' spokenName='服务的区' value={form.district} maxLength={10} placeholder='徐汇区' onChange={(v) => form.set('district', v)} />
      <TextField label='服务半径（公里）：' spokenName='服务半径，公里' value={form.radiusKm} maxLength={4} placeholder='8' onChange={(v) => form.set('radiusKm', v)} />
      <TextField label='每天最多接几单：' spokenName='每天最多接几单' value={form.dailyCap} maxLength={2} placeholder='5' onChange={(v) => form.set('dailyCap', v)} />
    </View>
    {showActive ? (
      <View className='section'>
        <Text className='field-label'>接单状态：</Text>
        <View className='grid'>
          <View className='grid__cell'>
            <BigButton label='在岗，可以派单' variant='choice' selected={form.active} onTap={() => form.setActive(true)} />
          </View>
          <View className='grid__cell'>
            <BigButton label='停用，不再派单' variant='choice' selected={!form.active} onTap={() => form.setActive(false)} />
          </View>
        </View>
      </View>
    ) : null}
  </View>
));
