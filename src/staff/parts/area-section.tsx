import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { SHANGHAI_DISTRICTS } from '@domain/districts';
import { SKILLS, type Skill } from '@domain/services';
import { BigButton, Heading } from '@/components';
import { RADIUS_CHOICES } from '@/stores/staff-availability-store';
import { stores } from '@/wiring';

const SKILL_LABELS: Record<Skill, string> = { claim: '上门理赔', escort: '就医陪诊', disability_assessment: '伤残鉴定' };

/** Service area by tap: the district the staff member starts from, and how far they go. */
export const AreaSection = observer(() => {
  const { availability: a } = stores.staff;
  const area = a.data?.area;
  if (!area) return null;
  return (
    <View className='card'>
      <Heading level={2}>服务区域</Heading>
      <Text className='text'>
        现在：{area.district}，{area.radiusKm} 公里以内
      </Text>
      <Text className='field-label'>从哪个区出发？</Text>
      <View className='choices'>
        {SHANGHAI_DISTRICTS.map((d) => (
          <BigButton key={d.name} label={d.name} variant='choice' selected={area.district === d.name} disabled={a.saving === 'area'} onTap={() => void a.setArea(d.name, null)} />
        ))}
      </View>
      <Text className='field-label'>最远去多远？</Text>
      <View className='choices'>
        {RADIUS_CHOICES.map((km) => (
          <BigButton key={km} label={`${km} 公里`} variant='choice' selected={area.radiusKm === km} disabled={a.saving === 'area'} onTap={() => void a.setArea(null, km)} />
        ))}
      </View>
    </View>
  );
});

/** Skills, certificates and dialects: set by the dispatcher, shown so the staff member knows. */
export const SkillsSection = observer(() => {
  const data = stores.staff.availability.data;
  if (!data) return null;
  const skills = SKILLS.filter((s) => data.skills.includes(s)).map((s) => SKILL_LABELS[s]);
  return (
    <View className='card'>
      <Heading level={2}>技能和证书（由调度员设置）</Heading>
      <Text className='text'>能做：{skills.join('、') || '暂无'}</Text>
      {data.dialects.length ? <Text className='text'>会说：{data.dialects.join('、')}</Text> : null}
      <Text className='text'>每天最多 {data.dailyCap} 单</Text>
      {data.certificates.map((c) => (
        <Text key={c.number} className='list-line'>
          证书：{c.name}（{c.number}）{c.validUntil ? `，有效期到 ${c.validUntil}` : ''}
        </Text>
      ))}
      <Text className='text muted'>需要修改请联系调度员。</Text>
    </View>
  );
});
