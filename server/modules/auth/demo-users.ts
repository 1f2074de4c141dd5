/** The one-line Chinese description shown next to each account on the dev sign-in page. */
import { chinaTime, type DemoUser } from '@domain';
import type { DemoUserRow } from './repository';

const SKILL_LABELS: Record<string, string> = {
  claim: '理赔',
  escort: '陪诊',
  disability_assessment: '伤残鉴定',
};

function customerLine(row: DemoUserRow, now: Date): string {
  if (row.elders && row.elders.length > 0) return `家属 · 可为${row.elders.join('、')}预约`;
  // No elder linked and no home of their own to be visited at: a family member yet to invite.
  if (!row.district && !row.birth_year) return '家属 · 还没有关联长辈';
  const parts = ['长辈'];
  if (row.birth_year) parts.push(`${chinaTime(now).year() - row.birth_year} 岁`);
  if (row.district) parts.push(row.district);
  return parts.join(' · ');
}

function staffLine(row: DemoUserRow): string {
  const skills = (row.skills ?? []).map((s) => SKILL_LABELS[s] ?? s).join('、');
  return `服务人员 · 工号 ${row.staff_no ?? '—'} · ${skills}`;
}

export function describeDemoUser(row: DemoUserRow, now: Date): DemoUser {
  const description = row.role === 'staff' ? staffLine(row) : row.role === 'dispatcher' ? '调度员 · 调度台（请在电脑浏览器里使用）' : customerLine(row, now);
  return { id: row.id, role: row.role, name: row.name, description };
}
