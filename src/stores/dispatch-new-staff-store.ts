import { makeAutoObservable, runInAction } from 'mobx';
import type { CreateStaffBody, RosterEntry, StaffInvitation } from '@domain/schemas-dispatch';
import { messageOf } from '@/api/api-error';
import type { DispatchApi } from '@/api/dispatch-api';
import { ProfileForm, type FormResult } from './dispatch-profile-form';

export type Gender = CreateStaffBody['gender'];

/** Whom the invitation on screen is for. */
export interface IssuedInvitation {
  staff: Pick<RosterEntry['staff'], 'id' | 'name' | 'staffNo'>;
  invitation: StaffInvitation;
  /** A new account, or a fresh link for someone who has not joined yet. */
  kind: 'created' | 'reissued';
}

/**
 * A new staff account: who they are (name, 工号, gender, work phone) and what they may do (the
 * profile form). The server answers with an invitation, shown once: the link the new person
 * opens on their work phone. A person who has not joined can be sent a fresh link.
 */
export class DispatchNewStaffStore {
  name = '';
  staffNo = '';
  gender: Gender | null = null;
  phone = '';
  form = new ProfileForm();
  saving = false;
  error: string | null = null;
  issued: IssuedInvitation | null = null;
  /** The person a fresh link is being made for. */
  reissuing: string | null = null;

  constructor(private readonly api: DispatchApi) {
    makeAutoObservable<DispatchNewStaffStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  set(field: 'name' | 'staffNo' | 'phone', value: string): void {
    this[field] = value;
  }

  setGender(gender: Gender): void {
    this.gender = gender;
  }

  /** The link is shown once: leaving the page forgets it (only a hash is kept on the server). */
  forgetInvitation(): void {
    this.issued = null;
    this.error = null;
  }

  /** A blank form (after an account was made, or on sign-out). */
  reset(): void {
    this.name = '';
    this.staffNo = '';
    this.gender = null;
    this.phone = '';
    this.form = new ProfileForm();
    this.saving = false;
    this.error = null;
    this.issued = null;
    this.reissuing = null;
  }

  toBody(): FormResult<CreateStaffBody> {
    const name = this.name.trim();
    if (name.length < 2 || name.length > 20) return { ok: false, error: '请写上姓名（2 到 20 个字）。' };
    const staffNo = this.staffNo.trim().toUpperCase();
    if (!/^[A-Z0-9]{4,12}$/.test(staffNo)) return { ok: false, error: '工号请写 4 到 12 位大写字母或数字，例如 AX1013。' };
    if (!this.gender) return { ok: false, error: '请选择性别（客户可以选择服务人员的性别）。' };
    const phone = this.phone.replace(/\s+/g, '');
    if (!/^1[3-9]\d{9}$/.test(phone)) return { ok: false, error: '请写上 11 位手机号。' };
    const profile = this.form.toBody();
    if (!profile.ok) return profile;
    const { active: _active, ...rest } = profile.body;
    return { ok: true, body: { ...rest, name, staffNo, gender: this.gender, phone } };
  }

  async create(): Promise<boolean> {
    if (this.saving) return false;
    const checked = this.toBody();
    if (!checked.ok) {
      this.error = checked.error;
      return false;
    }
    this.saving = true;
    this.error = null;
    try {
      const result = await this.api.createStaff(checked.body);
      runInAction(() => {
        const { staff } = result.staff;
        this.reset();
        this.issued = { staff: { id: staff.id, name: staff.name, staffNo: staff.staffNo }, invitation: result.invitation, kind: 'created' };
      });
      return true;
    } catch (err) {
      runInAction(() => {
        this.error = messageOf(err);
      });
      return false;
    } finally {
      runInAction(() => {
        this.saving = false;
      });
    }
  }

  /** A fresh link for someone who has not joined (the old one stops working). */
  async reissue(staff: IssuedInvitation['staff']): Promise<boolean> {
    if (this.reissuing) return false;
    this.reissuing = staff.id;
    this.error = null;
    try {
      const invitation = await this.api.reissueStaffInvitation(staff.id);
      runInAction(() => {
        this.issued = { staff, invitation, kind: 'reissued' };
      });
      return true;
    } catch (err) {
      runInAction(() => {
        this.error = messageOf(err);
      });
      return false;
    } finally {
      runInAction(() => {
        this.reissuing = null;
      });
    }
  }
}
