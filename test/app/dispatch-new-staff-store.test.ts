import { DispatchNewStaffStore } from '@/stores/dispatch-new-staff-store';
import { FakeDispatchApi } from './fake-dispatch-api';

function filled(store: DispatchNewStaffStore) {
  store.set('name', '赵敏');
  store.set('staffNo', 'ax1013');
  store.set('phone', '139 1234 5678');
  store.setGender('female');
  store.form.toggleSkill('escort');
  store.form.set('district', '静安区');
  store.form.set('dialects', '普通话，宁波话');
}

describe('DispatchNewStaffStore', () => {
  it('creates the account and shows its invitation once, with the form emptied', async () => {
    const api = new FakeDispatchApi();
    const store = new DispatchNewStaffStore(api);
    filled(store);
    expect(await store.create()).toBe(true);
    expect(api.callsOf('createStaff')).toEqual([
      [
        {
          name: '赵敏', staffNo: 'AX1013', gender: 'female', phone: '13912345678', skills: ['claim', 'escort'], certificates: [],
          dialects: ['普通话', '宁波话'], area: { district: '静安区', radiusKm: 8 }, dailyCap: 5,
        },
      ],
    ]);
    expect(store.issued?.kind).toBe('created');
    expect(store.issued?.staff).toMatchObject({ name: '赵敏', staffNo: 'AX1013' });
    expect(store.issued?.invitation.sharePath).toMatch(/^\/staff\/pages\/join\/index\?token=/);
    expect(store.name).toBe('');
    // Leaving the page forgets the link: it is not shown to whoever opens the page next.
    store.forgetInvitation();
    expect(store.issued).toBeNull();
  });

  it('says what is missing before asking the server', async () => {
    const api = new FakeDispatchApi();
    const store = new DispatchNewStaffStore(api);
    filled(store);
    store.set('staffNo', 'A1');
    expect(await store.create()).toBe(false);
    expect(store.error).toMatch(/工号/);
    store.set('staffNo', 'AX1013');
    store.set('phone', '12345');
    expect(await store.create()).toBe(false);
    expect(store.error).toMatch(/手机号/);
    expect(api.callsOf('createStaff')).toEqual([]);
  });

  it('a 工号 already in use is refused with the server’s words and the form is kept', async () => {
    const api = new FakeDispatchApi();
    const store = new DispatchNewStaffStore(api);
    filled(store);
    store.set('staffNo', 'AX1001');
    expect(await store.create()).toBe(false);
    expect(store.error).toBe('这个工号已经有人在用了，请换一个工号。');
    expect(store.name).toBe('赵敏');
    expect(store.issued).toBeNull();
  });

  it('a person who has not joined gets a fresh link', async () => {
    const api = new FakeDispatchApi();
    const store = new DispatchNewStaffStore(api);
    const person = { id: api.roster_[1].staff.id, name: '李秀梅', staffNo: 'AX1002' };
    expect(await store.reissue(person)).toBe(true);
    expect(api.callsOf('reissueStaffInvitation')).toEqual([[person.id]]);
    expect(store.issued).toMatchObject({ kind: 'reissued', staff: person });
  });
});
