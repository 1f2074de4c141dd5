/**
 * What the staff member recorded, as the customer (or their children) read it: documents with
 * their state and photos, the originals taken away (原件交接单), the escort's steps, the
 * signature. Pure and neutral in person, so an elder and a son read the same words.
 */
import { DOCUMENT_STATUS_LABELS, type EscortMilestone } from '@domain/visit-record';
import type { CustomerRecord } from '@domain/schemas';
import { clock } from './arrival-text';

type RecordDocument = CustomerRecord['documents'][number];
type RecordMilestone = CustomerRecord['milestones'][number];

/** "身份证：已收，拍了 2 张照片" / "病历：客户暂时没有" / "发票：未收". */
export function documentLine(d: RecordDocument): string {
  const photos = d.photoCount > 0 ? `，拍了 ${d.photoCount} 张照片` : '';
  const original = d.originalTaken ? '，原件已交给服务人员' : '';
  return `${d.label}：${DOCUMENT_STATUS_LABELS[d.status]}${photos}${original}`;
}

/** "已收 3 项，还有 1 项未收" — the documents at a glance. */
export function documentsSummary(docs: readonly RecordDocument[]): string {
  const count = (s: RecordDocument['status']) => docs.filter((d) => d.status === s).length;
  const parts = [`已收 ${count('collected')} 项`];
  if (count('not_available')) parts.push(`暂时没有 ${count('not_available')} 项`);
  if (count('pending')) parts.push(`还有 ${count('pending')} 项未收`);
  return parts.join('，');
}

/** The handover receipt as one text to read aloud or send to the children. */
export function handoverSpeech(handover: CustomerRecord['handover'], who: string): string {
  if (!handover.length) return `原件交接单：${who}没有带走您的原件。`;
  const items = handover.map((h, i) => `第 ${i + 1} 份，${h.label}`).join('；');
  return `原件交接单：${who}带走了 ${handover.length} 份原件。${items}。`;
}

/** The escort's steps in words that suit whoever reads (the elder or a relative). */
export function milestoneWords(key: EscortMilestone, pickUp: boolean): string {
  switch (key) {
    case 'picked_up':
      return pickUp ? '上门接人' : '在医院会合';
    case 'registered':
      return '挂号报到';
    case 'seen_doctor':
      return '看医生';
    case 'medicine_collected':
      return '取药';
    case 'home':
      return pickUp ? '送回家' : '离开医院';
  }
}

/** "✓ 挂号报到：10:20" / "○ 看医生：还没到这一步" (a mark and words: never colour alone). */
export function milestoneLine(m: RecordMilestone, pickUp: boolean): string {
  const words = milestoneWords(m.key, pickUp);
  return m.doneAt ? `✓ ${words}：${clock(m.doneAt)}` : `○ ${words}：还没到这一步`;
}

/** "您已签名确认（10:52）"; a relative reads the elder's name instead of 您. */
export function signedLine(signedAt: string, signer: string | null): string {
  return `${signer ?? '您'}已签名确认（${clock(signedAt)}）`;
}
