/** What a task card says, in words a staff member reads at a glance. */
import { formatKm } from '@domain/geo';
import { CLAIM_TYPE_INFO, DEPARTMENT_LABELS, SERVICE_LABELS } from '@domain/services';
import type { StaffTaskCard } from '@domain/schemas-staff';

/** "还有 25 分钟可以答复": counted when the board was shown or refreshed, never ticking. */
export function timeLeftText(expiresAt: string | null, checkedAt: Date | null): string {
  if (!expiresAt || !checkedAt) return '';
  const minutes = Math.floor((Date.parse(expiresAt) - checkedAt.getTime()) / 60_000);
  if (minutes < 1) return '答复时间快到了，请马上答复';
  if (minutes < 60) return `还有 ${minutes} 分钟可以答复`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `还有 ${h} 小时${m ? ` ${m} 分钟` : ''}可以答复`;
}

/** "距上一单 3.2 公里，约 12 分钟" / "从出发地 3.2 公里，约 12 分钟". */
export function travelText(task: Pick<StaffTaskCard, 'travel'>): string {
  const t = task.travel;
  if (!t) return '';
  const from = t.from === 'previous_visit' ? '距上一单' : '从出发地';
  return `${from} ${formatKm(t.distanceKm)}，约 ${t.minutes} 分钟`;
}

/** 上门理赔 · 住院医疗 / 就医陪诊 · 华山医院 心内科. */
export function serviceText(task: Pick<StaffTaskCard, 'serviceType' | 'claimType' | 'escort'>): string {
  const service = SERVICE_LABELS[task.serviceType];
  if (task.escort) return `${service} · ${task.escort.hospitalName} ${DEPARTMENT_LABELS[task.escort.department]}`;
  return task.claimType ? `${service} · ${CLAIM_TYPE_INFO[task.claimType].label}` : service;
}

const NEED_CHIPS: Record<string, string> = { wheelchair: '轮椅', no_stairs: '不能爬楼梯', hard_of_hearing: '听力不好' };

/** Short chips for the customer's needs: 轮椅, 不能爬楼梯, 听力不好, 方言：上海话. */
export function needChips(task: Pick<StaffTaskCard, 'needs'>): string[] {
  const chips = task.needs.mobility.map((m) => NEED_CHIPS[m] ?? m);
  if (task.needs.hardOfHearing && !chips.includes('听力不好')) chips.push('听力不好');
  if (task.needs.dialect) chips.push(`方言：${task.needs.dialect}`);
  return chips;
}
