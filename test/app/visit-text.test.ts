/**
 * What the customer reads while the visit happens: the arrival estimate and the staff member's
 * record, in plain Chinese (China time, with the tests running in UTC).
 */
import type { CustomerRecord } from '@domain/schemas';
import { arrivalSentence, departedSentence, kmText, locationIsOld, oldLocationText, updatedText } from '@/visit/arrival-text';
import { documentLine, documentsSummary, handoverSpeech, milestoneLine, signedLine } from '@/visit/record-text';

const at = (hhmm: string) => Date.parse(`2025-03-02T${hhmm}:00.000+08:00`);
const iso = (hhmm: string) => new Date(at(hhmm)).toISOString();

describe('while the staff member is on the way', () => {
  const eta = { at: iso('10:40'), distanceKm: 3.24, updatedAt: iso('10:18') };

  it('says who, when (a clock time) and how far, never a countdown', () => {
    expect(arrivalSentence(eta, '王师傅', at('10:20'))).toBe('王师傅正在路上，预计 10:40 到达（距您约 3.2 公里）');
    expect(arrivalSentence({ ...eta, at: iso('09:05') }, '王师傅', at('09:00'))).toBe('王师傅正在路上，预计 9:05 到达（距您约 3.2 公里）');
  });

  it('past the estimate it says “快到了” instead of a time already gone', () => {
    expect(arrivalSentence(eta, '王师傅', at('10:41'))).toBe('王师傅正在路上，应该快到了（距您约 3.2 公里）');
  });

  it('distances: one decimal nearby, whole kilometres far away', () => {
    expect([kmText(0.46), kmText(3.25), kmText(9.94), kmText(12.6)]).toEqual(['0.5', '3.3', '9.9', '13']);
  });

  it('says how fresh the location is: 刚刚, minutes ago, or the clock time after an hour', () => {
    expect(updatedText(iso('10:18'), at('10:18') + 30_000)).toBe('刚刚更新');
    expect(updatedText(iso('10:18'), at('10:20'))).toBe('2 分钟前更新');
    expect(updatedText(iso('09:05'), at('10:20'))).toBe('9:05 更新');
  });

  it('a location older than 5 minutes is said gently to be old', () => {
    expect(locationIsOld(iso('10:18'), at('10:23'))).toBe(false);
    expect(locationIsOld(iso('10:18'), at('10:23') + 1000)).toBe(true);
    expect(oldLocationText('王师傅')).toMatch(/^王师傅的位置有一会儿没有更新了.*仅供参考/);
  });

  it('without a shared location it says they set off, and guesses nothing', () => {
    expect(departedSentence('李老师')).toBe('李老师已经出发，正在赶来');
  });
});

describe('what the staff member recorded', () => {
  const record: CustomerRecord = {
    documents: [
      { label: '身份证', status: 'collected', originalTaken: false, photoCount: 2 },
      { label: '出院小结', status: 'collected', originalTaken: true, photoCount: 1 },
      { label: '费用清单', status: 'not_available', originalTaken: false, photoCount: 0 },
      { label: '银行卡', status: 'pending', originalTaken: false, photoCount: 0 },
    ],
    milestones: [
      { key: 'picked_up', label: '已接到客户', doneAt: iso('08:30') },
      { key: 'registered', label: '已挂号报到', doneAt: iso('09:05') },
      { key: 'seen_doctor', label: '已看完医生', doneAt: null },
      { key: 'medicine_collected', label: '已取药（不需要取药也点这里）', doneAt: null },
      { key: 'home', label: '已送客户到家', doneAt: null },
    ],
    handover: [{ label: '出院小结' }, { label: '住院发票' }],
    signedAt: iso('10:52'),
  };

  it('each document: 已收 / 客户暂时没有 / 未收, with the photo count and whether the original was taken', () => {
    expect(record.documents.map(documentLine)).toEqual([
      '身份证：已收，拍了 2 张照片',
      '出院小结：已收，拍了 1 张照片，原件已交给服务人员',
      '费用清单：客户暂时没有',
      '银行卡：未收',
    ]);
    expect(documentsSummary(record.documents)).toBe('已收 2 项，暂时没有 1 项，还有 1 项未收');
  });

  it('the handover receipt reads aloud as a numbered list, or says nothing was taken', () => {
    expect(handoverSpeech(record.handover, '王师傅')).toBe('原件交接单：王师傅带走了 2 份原件。第 1 份，出院小结；第 2 份，住院发票。');
    expect(handoverSpeech([], '王师傅')).toBe('原件交接单：王师傅没有带走您的原件。');
  });

  it('escort steps with their times, in words for the family too (not the staff member’s button text)', () => {
    expect(record.milestones.map((m) => milestoneLine(m, true))).toEqual([
      '✓ 上门接人：8:30',
      '✓ 挂号报到：9:05',
      '○ 看医生：还没到这一步',
      '○ 取药：还没到这一步',
      '○ 送回家：还没到这一步',
    ]);
    expect(milestoneLine(record.milestones[0], false)).toBe('✓ 在医院会合：8:30');
  });

  it('the signature: 您 for the elder, the elder’s name for a relative', () => {
    expect(signedLine(record.signedAt as string, null)).toBe('您已签名确认（10:52）');
    expect(signedLine(record.signedAt as string, '张秀英')).toBe('张秀英已签名确认（10:52）');
  });
});
