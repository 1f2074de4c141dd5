import { CLAIM_TYPE_INFO, DEPARTMENT_LABELS, MOBILITY_LABELS, SERVICE_LABELS } from '@domain/services';
import { formatChinaClock, formatChinaDay, formatVisitWindow } from '@domain/time';
import type { SlotView } from '@domain/schemas';
import type { BookingDraftStore } from '@/stores/booking-draft-store';

/** "陪诊员 上午 8:30 到家接您，看完送您回家" / "陪诊员 上午 9:30 在医院门口等您". */
export function escortMeeting(slot: Pick<SlotView, 'start'>, pickUp: boolean): string {
  const at = formatChinaClock(slot.start);
  return pickUp ? `陪诊员 ${at} 到家接您，看完送您回家` : `陪诊员 ${at} 在医院门口等您`;
}

/** The summary as [what, value] lines, shown on the confirm page and read aloud from it. */
export function summaryLines(draft: BookingDraftStore, showElder: boolean): Array<[string, string]> {
  const lines: Array<[string, string]> = [['服务', SERVICE_LABELS[draft.serviceType]]];
  if (showElder && draft.elder) lines.push(['为谁', draft.elder.name]);
  const slot = draft.slot;
  if (draft.serviceType === 'claim') {
    if (draft.claimType) lines.push(['类型', CLAIM_TYPE_INFO[draft.claimType].label]);
    if (draft.address) lines.push(['地址', `${draft.address.label}，${draft.address.text}`]);
    lines.push(['时间', slot ? formatVisitWindow(slot.start, slot.end) : '请重新选择']);
    if (draft.photos.list.length) lines.push(['材料照片', `${draft.photos.list.length} 张，预约成功后发给服务人员`]);
  } else {
    if (draft.hospital) lines.push(['医院', draft.hospital.name]);
    if (draft.department) lines.push(['科室', DEPARTMENT_LABELS[draft.department]]);
    const at = slot?.appointmentAt;
    lines.push(['看病时间', at ? `${formatChinaDay(at)} ${formatChinaClock(at)}` : '请重新选择']);
    if (slot && draft.pickUp !== null) lines.push(['接送', escortMeeting(slot, draft.pickUp)]);
    if (draft.address) lines.push([draft.pickUp ? '接您的地址' : '您家地址', `${draft.address.label}，${draft.address.text}`]);
    lines.push(['行动', draft.mobility.length ? draft.mobility.map((m) => MOBILITY_LABELS[m]).join('；') : '没有特别需要']);
  }
  const note = draft.note.trim();
  if (note) lines.push(['留言', note]);
  return lines;
}

/** The lines as one text to read aloud. */
export function summarySpeech(lines: Array<[string, string]>): string {
  return `请核对预约信息。${lines.map(([k, v]) => `${k}：${v}`).join('。')}。`;
}
