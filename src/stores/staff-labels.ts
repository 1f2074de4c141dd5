/** How each staff write is named in the "waiting to be sent" list and in refusals. */
import { DOCUMENT_STATUS_LABELS, type DocumentStatus } from '@domain/visit-record';
import type { StaffActionName } from '@/api/staff-api';

export const ACTION_LABELS: Record<StaffActionName, string> = {
  confirm: '确认接单',
  decline: '婉拒',
  depart: '出发',
  arrive: '到达',
  start: '开始服务',
  complete: '完成',
  'no-show': '客户不在家',
};

export function documentWriteLabel(label: string, status: DocumentStatus, originalTaken: boolean): string {
  return `${label}：${DOCUMENT_STATUS_LABELS[status]}${originalTaken ? '，原件带走' : ''}`;
}

export const ASSESSMENT_LABEL = '伤残鉴定记录';
export const SIGNATURE_LABEL = '客户签名';
export const photoLabel = (documentLabel: string) => `${documentLabel}的照片`;
