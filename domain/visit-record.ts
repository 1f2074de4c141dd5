/**
 * What a staff member records during a visit, and what must be there before it can be finished.
 * TypeBox-free: the app imports these values (the schemas live in schemas-staff.ts).
 *
 * - Claim: each document of the claim type's checklist (CLAIM_TYPE_INFO) is collected and
 *   photographed, or marked as not available; originals the staff member takes away are listed
 *   on a handover receipt (原件交接单) the customer sees. An accident-disability claim visited by a
 *   certified person also needs disability assessment notes.
 * - Escort: the milestones of the day, in order.
 * - Both: the customer's signature on screen before 完成.
 */
import { distanceKm, type GeoPoint } from './geo';
import { CLAIM_TYPE_INFO, type ClaimType, type ServiceType } from './services';

export const DOCUMENT_STATUSES = ['pending', 'collected', 'not_available'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  pending: '未收',
  collected: '已收',
  not_available: '客户暂时没有',
};

/** A checklist item's key: its position in the claim type's document list ("doc-0", "doc-1"…). */
export const documentKey = (index: number) => `doc-${index}`;
export const DOCUMENT_KEY_PATTERN = '^doc-(?:[0-9]|1[0-9])$';

export interface ChecklistDocument {
  key: string;
  label: string;
}

/** The documents to collect on a claim visit, in the order the customer was told (一次性告知). */
export function claimChecklist(claimType: ClaimType | null): ChecklistDocument[] {
  return CLAIM_TYPE_INFO[claimType ?? 'other'].documents.map((label, i) => ({ key: documentKey(i), label }));
}

/** Disability assessment notes are part of the record only for accident-disability claims. */
export function assessmentRequired(service: ServiceType, claimType: ClaimType | null): boolean {
  return service === 'claim' && claimType === 'accident_disability';
}

export const ESCORT_MILESTONES = ['picked_up', 'registered', 'seen_doctor', 'medicine_collected', 'home'] as const;
export type EscortMilestone = (typeof ESCORT_MILESTONES)[number];

/** Labels depend on whether the staff member picks the customer up at home. */
export function milestoneLabel(m: EscortMilestone, pickUp: boolean): string {
  switch (m) {
    case 'picked_up':
      return pickUp ? '已接到客户' : '已在医院见到客户';
    case 'registered':
      return '已挂号报到';
    case 'seen_doctor':
      return '已看完医生';
    case 'medicine_collected':
      return '已取药（不需要取药也点这里）';
    case 'home':
      return pickUp ? '已送客户到家' : '已送客户离开医院';
  }
}

/** Why a staff member declines an offer: tap one (the dispatcher sees it, the customer never does). */
export const DECLINE_REASONS = ['时间冲突', '距离太远', '身体不适', '不熟悉这类业务', '其他原因'] as const;
/** Why the customer could not be served at the door. */
export const NO_SHOW_REASONS = ['敲门无人应答', '电话打不通', '客户临时不在家', '客户拒绝服务', '其他原因'] as const;

export interface RecordState {
  serviceType: ServiceType;
  documents: Array<{ key: string; label: string; status: DocumentStatus; photoCount: number }>;
  assessment: { required: boolean; notes: string | null };
  milestones: Array<{ key: EscortMilestone; doneAt: string | null }>;
  signed: boolean;
}

/**
 * What still stands between the visit and 完成, in Chinese for the staff member's screen. Empty
 * means it can be finished. A collected document needs at least one photo.
 */
export function completionBlockers(r: RecordState): string[] {
  const out: string[] = [];
  if (r.serviceType === 'claim') {
    const pending = r.documents.filter((d) => d.status === 'pending');
    if (pending.length) out.push(`还有 ${pending.length} 项材料没有确认：${pending.map((d) => d.label).join('、')}`);
    const unphotographed = r.documents.filter((d) => d.status === 'collected' && d.photoCount === 0);
    if (unphotographed.length) out.push(`这些材料还没有拍照：${unphotographed.map((d) => d.label).join('、')}`);
    if (r.assessment.required && !r.assessment.notes) out.push('请填写伤残鉴定记录');
  } else {
    const open = r.milestones.filter((m) => !m.doneAt);
    if (open.length) out.push(`陪诊还有 ${open.length} 步没有完成`);
  }
  if (!r.signed) out.push('请客户在屏幕上签名');
  return out;
}

// ---- travel estimates (no routing service: straight line, city roads, a steady speed) ----

/** Roads wind: straight-line distance times this is what is actually driven in the city. */
export const ROAD_FACTOR = 1.4;
/** Average door-to-door speed across Shanghai by car or e-bike, including lights. */
export const CITY_SPEED_KMH = 22;

/** Minutes to travel between two points, rounded up to whole minutes (at least 1). */
export function travelMinutes(from: GeoPoint, to: GeoPoint): number {
  const km = distanceKm(from, to) * ROAD_FACTOR;
  return Math.max(1, Math.ceil((km / CITY_SPEED_KMH) * 60));
}

/** The estimated arrival from the staff member's latest location, as an ISO instant. */
export function estimateArrival(from: GeoPoint, to: GeoPoint, at: Date): string {
  return new Date(at.getTime() + travelMinutes(from, to) * 60_000).toISOString();
}

/** Photos a staff member may take on one visit (a document can have several pages). */
export const MAX_STAFF_PHOTOS_PER_VISIT = 40;
/** A signature drawn on screen, as PNG: far below this. */
export const MAX_SIGNATURE_BYTES = 512 * 1024;
