/**
 * Why this person: short Chinese phrases the customer reads, joined with '，' by the UI, e.g.
 * "曾为您服务 2 次，会说上海话，距您 3.2 公里". Only facts about the person and this visit: never
 * their workload, other customers, or anything private.
 */
import { formatKm } from '../geo';
import type { StaffProfile } from '../staff';
import type { MatchRequest } from './types';

const GOOD_RATING = 4.8;

export function matchReasons(staff: StaffProfile, req: MatchRequest, km: number, pastVisits: number): string[] {
  const reasons: string[] = [];
  if (pastVisits > 0) reasons.push(`曾为您服务 ${pastVisits} 次`);
  const dialect = req.customer.dialect;
  if (dialect && staff.dialects.includes(dialect)) reasons.push(`会说${dialect}`);
  const wanted = req.customer.preferredGender;
  if (wanted && staff.gender === wanted) reasons.push(wanted === 'female' ? '是女士，合您心意' : '是男士，合您心意');
  if (req.claimType === 'accident_disability' && staff.skills.includes('disability_assessment')) reasons.push('有伤残鉴定资质');
  if (pastVisits === 0 && reasons.length === 0) reasons.push(req.serviceType === 'claim' ? '熟悉理赔办理' : '有陪诊经验');
  reasons.push(`距您 ${formatKm(km)}`);
  if (staff.rating >= GOOD_RATING) reasons.push(`评分 ${staff.rating.toFixed(1)}`);
  return reasons;
}

/** "王师傅：曾为您服务 2 次，会说上海话，距您 3.2 公里" */
export function describeMatch(title: string, reasons: readonly string[]): string {
  return `${title}：${reasons.join('，')}`;
}
