/**
 * An in-memory staff side of the API for store tests. It behaves like the server where the
 * workbench depends on it: actions follow the domain's state machine and check the version and
 * the door code, every write is applied once per Idempotency-Key (a replay answers the same),
 * and `applied` lists what the server really did, in order. `offline` makes every call fail as
 * if there were no signal; `failNext` makes the next call(s) of one method fail.
 */
import type { SessionResponse } from '@domain/schemas';
import type { BookingFile } from '@domain/schemas-booking';
import type { Location, StaffActionBody, StaffLeaveBody } from '@domain/schemas-lifecycle';
import type {
  AssessmentBody, DocumentBody, MilestoneBody, ServiceArea, StaffAvailability, StaffInviteAcceptBody, StaffInvitePreview,
  StaffTaskBoard, StaffTaskCard, StaffTaskDetail, VisitRecord, WorkingHoursBody,
} from '@domain/schemas-staff';
import { allowedActions, transition } from '@domain/lifecycle';
import { STATUS_LABELS } from '@domain/timeline';
import { claimChecklist, completionBlockers, ESCORT_MILESTONES, milestoneLabel, type EscortMilestone } from '@domain/visit-record';
import { type ApiError } from '@/api/api-error';
import type { StaffActionName, StaffApi } from '@/api/staff-api';
import { ACTION_OF, recordState } from '@/stores/staff-projection';
import { NETWORK, serverError, STAFF_USER } from './fake-api';

export const TASK_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
export const DOOR_CODE = '246810';

export function staffTask(over: Partial<StaffTaskCard> = {}): StaffTaskCard {
  const status = over.status ?? 'offered';
  return {
    id: TASK_ID, status, statusLabel: STATUS_LABELS[status], version: 3, serviceType: 'claim', claimType: 'outpatient', customerName: '张**',
    offerExpiresAt: status === 'offered' ? '2025-03-01T00:30:00.000Z' : null, customerPhone: status === 'offered' ? null : '13800138000',
    slotStart: '2025-03-02T01:00:00.000Z', slotEnd: '2025-03-02T02:00:00.000Z',
    address: { label: '家', text: '上海市静安区南京西路 1 号 3 楼', district: '静安区' }, note: null,
    allowedActions: allowedActions(status, 'staff'),
    needs: { mobility: [], dialect: null, hardOfHearing: false }, escort: null, travel: null, customerPhotoCount: 0,
    ...over,
  };
}

export function emptyRecord(task: StaffTaskCard): VisitRecord {
  const documents = task.serviceType === 'claim' ? claimChecklist(task.claimType).map((d) => ({ ...d, status: 'pending' as const, originalTaken: false, photoIds: [] as string[] })) : [];
  const milestones = task.serviceType === 'escort' ? ESCORT_MILESTONES.map((key) => ({ key, label: milestoneLabel(key, true), doneAt: null })) : [];
  const r: VisitRecord = { documents, assessment: { required: task.claimType === 'accident_disability', notes: null }, milestones, signature: null, handover: [], blockers: [] };
  return withBlockers(task, r);
}

function withBlockers(task: StaffTaskCard, r: VisitRecord): VisitRecord {
  return { ...r, handover: r.documents.filter((d) => d.originalTaken).map((d) => ({ label: d.label })), blockers: completionBlockers(recordState(task, r)) };
}

type Method = keyof StaffApi;
interface Held {
  card: StaffTaskCard;
  record: VisitRecord;
  files: BookingFile[];
  doorCode: string;
  codeFailures: number;
}

export class FakeStaffApi implements StaffApi {
  calls: Array<{ method: Method; args: unknown[] }> = [];
  /** What the server applied, in order: one line per write, however often it was sent. */
  applied: string[] = [];
  /** Keys of the writes applied, in order. */
  appliedKeys: string[] = [];
  offline = false;
  pings: Location[] = [];
  held = new Map<string, Held>();
  availabilityData: StaffAvailability = {
    workingHours: { '1': [['08:00', '12:00']], '2': [['08:00', '18:00']] }, leave: [], area: { district: '静安区', radiusKm: 5 },
    skills: ['claim'], certificates: [{ name: '伤残鉴定资格', number: 'SC-001', validUntil: '2027-12-31' }], dialects: ['上海话'], dailyCap: 6,
  };
  invites = new Map<string, StaffInvitePreview>([['a'.repeat(43), { name: '王建华', staffNo: 'HV0001', expiresAt: '2025-03-08T00:00:00.000Z' }]]);
  private failures = new Map<Method, ApiError[]>();
  private byKey = new Map<string, unknown>();
  private lostAnswers = new Set<Method>();
  private fileCount = 0;

  constructor(tasks: StaffTaskCard[] = [staffTask()]) {
    tasks.forEach((t) => this.held.set(t.id, { card: t, record: emptyRecord(t), files: [], doorCode: DOOR_CODE, codeFailures: 0 }));
  }

  /** The next call of `method` reaches the server (which applies it) but the answer is lost. */
  loseNextAnswer(method: Method): void {
    this.lostAnswers.add(method);
  }

  failNext(method: Method, ...errors: ApiError[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async answer<T>(method: Method, args: unknown[], value: () => T): Promise<T> {
    this.calls.push({ method, args });
    await Promise.resolve();
    if (this.offline) throw NETWORK();
    const fail = this.failures.get(method)?.shift();
    if (fail) throw fail;
    const result = structuredClone(value());
    if (this.lostAnswers.delete(method)) throw NETWORK();
    return result;
  }

  /** A write the server keeps by key: a replay answers what the first one did and changes nothing. */
  private once<T>(key: string, what: string, apply: () => T): T {
    if (this.byKey.has(key)) return this.byKey.get(key) as T;
    const result = apply();
    this.byKey.set(key, result);
    this.applied.push(what);
    this.appliedKeys.push(key);
    return result;
  }

  private task(id: string): Held {
    const h = this.held.get(id);
    if (!h) throw serverError('NOT_FOUND');
    return h;
  }

  staffBoard() {
    return this.answer('staffBoard', [], (): StaffTaskBoard => {
      const cards = [...this.held.values()].map((h) => h.card).filter((c) => c.status !== 'matching');
      return { offers: cards.filter((c) => c.status === 'offered'), today: cards.filter((c) => c.status !== 'offered'), upcoming: [] };
    });
  }

  staffTask(id: string) {
    return this.answer('staffTask', [id], (): StaffTaskDetail => {
      const h = this.task(id);
      return { task: h.card, record: h.record, files: h.files };
    });
  }

  staffAction(id: string, action: StaffActionName, body: StaffActionBody, key: string) {
    return this.answer('staffAction', [id, action, body, key], () => this.once(key, `${action}@${body.version}`, () => this.act(id, action, body)));
  }

  private act(id: string, action: StaffActionName, body: StaffActionBody): StaffTaskCard | null {
    const h = this.task(id);
    if (h.card.version !== body.version) throw serverError('VERSION_CONFLICT');
    if (action === 'arrive' && body.doorCode !== h.doorCode) {
      h.codeFailures += 1;
      throw Object.assign(serverError('DOOR_CODE_WRONG'), { details: { attemptsLeft: 5 - h.codeFailures } });
    }
    if (action === 'complete' && h.record.blockers.length) throw serverError('VISIT_NOT_READY_TO_COMPLETE');
    let to;
    try {
      to = transition({ from: h.card.status, action: ACTION_OF[action], role: 'staff', reason: body.reason }).to;
    } catch {
      throw serverError('TRANSITION_NOT_ALLOWED');
    }
    h.card = { ...h.card, status: to, statusLabel: STATUS_LABELS[to], version: h.card.version + 1, allowedActions: allowedActions(to, 'staff') };
    return action === 'decline' ? null : h.card;
  }

  private recordWrite(id: string, key: string, what: string, change: (r: VisitRecord) => VisitRecord): VisitRecord {
    return this.once(key, what, () => {
      const h = this.task(id);
      if (!['arrived', 'in_service'].includes(h.card.status)) throw serverError('TRANSITION_NOT_ALLOWED');
      h.record = withBlockers(h.card, change(h.record));
      return h.record;
    });
  }

  setDocument(id: string, docKey: string, body: DocumentBody, key: string) {
    return this.answer('setDocument', [id, docKey, body, key], () =>
      this.recordWrite(id, key, `document ${docKey} ${body.status}${body.originalTaken ? ' taken' : ''}`, (r) => ({
        ...r, documents: r.documents.map((d) => (d.key === docKey ? { ...d, ...body } : d)),
      })),
    );
  }

  setMilestone(id: string, m: EscortMilestone, body: MilestoneBody, key: string) {
    return this.answer('setMilestone', [id, m, body, key], () =>
      this.recordWrite(id, key, `milestone ${m}`, (r) => ({ ...r, milestones: r.milestones.map((x) => (x.key === m ? { ...x, doneAt: body.done ? (body.at ?? '2025-03-02T01:30:00.000Z') : null } : x)) })),
    );
  }

  saveAssessment(id: string, body: AssessmentBody, key: string) {
    return this.answer('saveAssessment', [id, body, key], () => this.recordWrite(id, key, 'assessment', (r) => ({ ...r, assessment: { ...r.assessment, notes: body.notes } })));
  }

  uploadStaffPhoto(id: string, itemKey: string, bytes: ArrayBuffer, contentType: string, key: string) {
    return this.answer('uploadStaffPhoto', [id, itemKey, bytes.byteLength, contentType, key], () =>
      this.once(key, `photo ${itemKey} ${bytes.byteLength} bytes`, (): BookingFile => {
        const h = this.task(id);
        this.fileCount += 1;
        const fileId = `ffffffff-ffff-4fff-8fff-${String(this.fileCount).padStart(12, '0')}`;
        const file: BookingFile = { id: fileId, bookingId: id, contentType: 'image/jpeg', sizeBytes: bytes.byteLength, createdAt: '2025-03-02T01:20:00.000Z', url: `/api/files/${fileId}`, kind: 'staff', itemKey };
        h.files.push(file);
        h.record = withBlockers(h.card, { ...h.record, documents: h.record.documents.map((d) => (d.key === itemKey ? { ...d, photoIds: [...d.photoIds, fileId] } : d)) });
        return file;
      }),
    );
  }

  uploadSignature(id: string, png: ArrayBuffer, key: string) {
    return this.answer('uploadSignature', [id, png.byteLength, key], () =>
      this.recordWrite(id, key, `signature ${png.byteLength} bytes`, (r) => ({ ...r, signature: { fileId: 'ffffffff-ffff-4fff-8fff-999999999999', url: '/api/files/sig', signedAt: '2025-03-02T01:50:00.000Z' } })),
    );
  }

  shareLocation(id: string, location: Location) {
    return this.answer('shareLocation', [id, location], () => {
      this.pings.push(location);
    });
  }

  availability() {
    return this.answer('availability', [], () => this.availabilityData);
  }
  saveWorkingHours(body: WorkingHoursBody) {
    return this.answer('saveWorkingHours', [body], () => (this.availabilityData = { ...this.availabilityData, workingHours: body.workingHours }));
  }
  saveArea(body: ServiceArea) {
    return this.answer('saveArea', [body], () => (this.availabilityData = { ...this.availabilityData, area: body }));
  }
  addLeave(body: StaffLeaveBody) {
    return this.answer('addLeave', [body], () => {
      const leave = { id: `11111111-0000-4000-8000-${String(this.availabilityData.leave.length).padStart(12, '0')}`, ...body, byDispatcher: false, canCancel: true };
      return (this.availabilityData = { ...this.availabilityData, leave: [...this.availabilityData.leave, leave] });
    });
  }
  cancelLeave(leaveId: string) {
    return this.answer('cancelLeave', [leaveId], () => {
      const leave = this.availabilityData.leave.find((l) => l.id === leaveId);
      if (!leave) throw serverError('NOT_FOUND');
      if (!leave.canCancel) throw serverError('LEAVE_NOT_CANCELLABLE');
      return (this.availabilityData = { ...this.availabilityData, leave: this.availabilityData.leave.filter((l) => l.id !== leaveId) });
    });
  }

  previewStaffInvite(token: string) {
    return this.answer('previewStaffInvite', [token], () => {
      const p = this.invites.get(token);
      if (!p) throw serverError('STAFF_INVITE_NOT_FOUND');
      return p;
    });
  }
  acceptStaffInvite(body: StaffInviteAcceptBody) {
    return this.answer('acceptStaffInvite', [body], (): SessionResponse => {
      if (!this.invites.delete(body.token)) throw serverError('STAFF_INVITE_USED');
      return { token: `staff-${body.token.slice(0, 4)}`, user: STAFF_USER };
    });
  }
}

/** Device storage in memory, with WeChat's 1 MB per key (as JSON text). */
export function memoryStorage(limitBytes = 1024 * 1024) {
  const data = new Map<string, string>();
  return {
    data,
    get: (key: string) => (data.has(key) ? JSON.parse(data.get(key) as string) : null),
    set: (key: string, value: unknown) => {
      const text = JSON.stringify(value);
      if (text.length > limitBytes) return false;
      data.set(key, text);
      return true;
    },
    remove: (key: string) => void data.delete(key),
  };
}

/** A timer the test runs by hand: `due()` lists the waits planned, `fire()` runs the next. */
export function manualTimer() {
  const planned: Array<{ fn: () => void; ms: number; id: number }> = [];
  let next = 0;
  return {
    planned,
    set: (fn: () => void, ms: number) => {
      const id = ++next;
      planned.push({ fn, ms, id });
      return id;
    },
    clear: (id: unknown) => {
      const i = planned.findIndex((p) => p.id === id);
      if (i >= 0) planned.splice(i, 1);
    },
    fire: () => planned.shift()?.fn(),
  };
}

/** A network whose return the test announces. */
export function manualNetwork() {
  const listeners: Array<() => void> = [];
  return {
    watch: (cb: () => void) => {
      listeners.push(cb);
      return () => undefined;
    },
    back: () => listeners.forEach((l) => l()),
  };
}
