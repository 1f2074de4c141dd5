import { makeAutoObservable } from 'mobx';
import type { RosterEntry, StaffProfileBody } from '@domain/schemas-dispatch';
import type { Certificate } from '@domain/schemas-staff';
import { SKILLS, type Skill } from '@domain/services';

/** A certificate as typed: every field a string, the date optional. */
export interface CertificateDraft {
  name: string;
  number: string;
  validUntil: string;
}

export type FormResult<T> = { ok: true; body: T } | { ok: false; error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CERTIFICATES = 10;

/** "上海话、普通话" / "上海话, 普通话" → ['上海话', '普通话'] (no repeats). */
export function splitDialects(text: string): string[] {
  return Array.from(new Set(text.split(/[、,，;；\s]+/).map((d) => d.trim()).filter(Boolean)));
}

function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/**
 * What only a dispatcher sets about a staff member (skills, certificates, dialects, area, daily
 * cap, active), as a form: the same fields for a new account and for an edit. `toBody` checks
 * each field against the server's limits and says in Chinese what to fix.
 */
export class ProfileForm {
  skills: Skill[] = ['claim'];
  certificates: CertificateDraft[] = [];
  dialects = '普通话';
  district = '';
  radiusKm = '8';
  dailyCap = '5';
  active = true;

  constructor() {
    makeAutoObservable(this, {}, { autoBind: true });
  }

  static from(entry: RosterEntry): ProfileForm {
    const f = new ProfileForm();
    f.skills = SKILLS.filter((s) => entry.skills.includes(s));
    f.certificates = entry.certificates.map((c) => ({ name: c.name, number: c.number, validUntil: c.validUntil ?? '' }));
    f.dialects = entry.staff.dialects.join('、');
    f.district = entry.area.district;
    f.radiusKm = String(entry.area.radiusKm);
    f.dailyCap = String(entry.dailyCap);
    f.active = entry.active;
    return f;
  }

  hasSkill(skill: Skill): boolean {
    return this.skills.includes(skill);
  }

  toggleSkill(skill: Skill): void {
    this.skills = this.hasSkill(skill) ? this.skills.filter((s) => s !== skill) : SKILLS.filter((s) => s === skill || this.hasSkill(s));
  }

  set<K extends 'dialects' | 'district' | 'radiusKm' | 'dailyCap'>(field: K, value: string): void {
    this[field] = value;
  }

  setActive(active: boolean): void {
    this.active = active;
  }

  addCertificate(): void {
    if (this.certificates.length < MAX_CERTIFICATES) this.certificates.push({ name: '', number: '', validUntil: '' });
  }

  setCertificate(index: number, field: keyof CertificateDraft, value: string): void {
    const c = this.certificates[index];
    if (c) c[field] = value;
  }

  removeCertificate(index: number): void {
    this.certificates.splice(index, 1);
  }

  private certificatesBody(): FormResult<Certificate[]> {
    const out: Certificate[] = [];
    for (const [i, c] of this.certificates.entries()) {
      const name = c.name.trim();
      const number = c.number.trim();
      const validUntil = c.validUntil.trim();
      if (!name && !number && !validUntil) continue;
      if (!name || !number) return { ok: false, error: `第 ${i + 1} 个证书：请写上证书名称和编号。` };
      if (validUntil && !DATE.test(validUntil)) return { ok: false, error: `第 ${i + 1} 个证书：有效期请写成 2026-12-31 这样。` };
      out.push({ name: name.slice(0, 40), number: number.slice(0, 40), validUntil: validUntil || null });
    }
    return { ok: true, body: out };
  }

  toBody(): FormResult<StaffProfileBody> {
    if (!this.skills.length) return { ok: false, error: '请至少选一项技能。' };
    const certificates = this.certificatesBody();
    if (!certificates.ok) return certificates;
    const dialects = splitDialects(this.dialects);
    if (dialects.length > 5 || dialects.some((d) => d.length > 20)) return { ok: false, error: '方言最多写 5 种，用顿号隔开。' };
    const district = this.district.trim();
    if (district.length < 2 || district.length > 10) return { ok: false, error: '请写上服务的区，例如“徐汇区”。' };
    const radiusKm = wholeNumber(this.radiusKm);
    if (radiusKm === null || radiusKm < 1 || radiusKm > 50) return { ok: false, error: '服务半径请写 1 到 50 之间的公里数。' };
    const dailyCap = wholeNumber(this.dailyCap);
    if (dailyCap === null || !Number.isInteger(dailyCap) || dailyCap < 1 || dailyCap > 12) return { ok: false, error: '每天最多接单数请写 1 到 12 之间的整数。' };
    return {
      ok: true,
      body: { skills: [...this.skills], certificates: certificates.body, dialects, area: { district, radiusKm }, dailyCap, active: this.active },
    };
  }
}
