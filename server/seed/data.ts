/**
 * A small Shanghai for demos and local runs: twelve service staff spread over the city, an elder
 * with two saved addresses, her son-in-law who may book for her, a second elder with no family
 * link, and a dispatcher. Ids are fixed so demos and browser tests can name them.
 */
import type { Certificate, Gender, Skill, WeeklyHours } from '@domain';

export const DEMO_IDS = {
  elder: 'a0000000-0000-4000-8000-000000000001',
  family: 'a0000000-0000-4000-8000-000000000002',
  otherElder: 'a0000000-0000-4000-8000-000000000003',
  dispatcher: 'a0000000-0000-4000-8000-000000000004',
  /** 王桂兰's son: no link yet, so demos and the family journey start with an invitation. */
  otherElderSon: 'a0000000-0000-4000-8000-000000000005',
  elderHome: 'b0000000-0000-4000-8000-000000000001',
  elderDaughterHome: 'b0000000-0000-4000-8000-000000000002',
  otherElderHome: 'b0000000-0000-4000-8000-000000000003',
} as const;

export interface SeedCustomer {
  id: string;
  name: string;
  gender: Gender;
  age: number | null;
}

export const SEED_CUSTOMERS: SeedCustomer[] = [
  { id: DEMO_IDS.elder, name: '张秀英', gender: 'female', age: 78 },
  { id: DEMO_IDS.family, name: '李伟', gender: 'male', age: null },
  { id: DEMO_IDS.otherElder, name: '王桂兰', gender: 'female', age: 82 },
  { id: DEMO_IDS.otherElderSon, name: '陈磊', gender: 'male', age: null },
];

export const SEED_ADDRESSES = [
  { id: DEMO_IDS.elderHome, elderId: DEMO_IDS.elder, label: '家', text: '上海市徐汇区宛平南路 88 弄 6 号 302 室', district: '徐汇区', lat: 31.188, lng: 121.453 },
  { id: DEMO_IDS.elderDaughterHome, elderId: DEMO_IDS.elder, label: '女儿家', text: '上海市徐汇区田林东路 75 弄 12 号 501 室', district: '徐汇区', lat: 31.1745, lng: 121.4385 },
  { id: DEMO_IDS.otherElderHome, elderId: DEMO_IDS.otherElder, label: '家', text: '上海市静安区常德路 500 弄 3 号 201 室', district: '静安区', lat: 31.227, lng: 121.448 },
];

export const SEED_FAMILY_LINKS = [{ familyId: DEMO_IDS.family, elderId: DEMO_IDS.elder, relation: '女婿' }];

export const SEED_DISPATCHER = { id: DEMO_IDS.dispatcher, name: '周敏', gender: 'female' as Gender };

export interface SeedStaff {
  staffNo: string;
  name: string;
  gender: Gender;
  skills: Skill[];
  dialects: string[];
  district: string;
  lat: number;
  lng: number;
  radiusKm: number;
  hours: WeeklyHours;
  dailyCap: number;
  rating: number;
}

function week(days: number[], open: string, close: string): WeeklyHours {
  return Object.fromEntries(days.map((d) => [String(d), [[open, close]]])) as WeeklyHours;
}
const MON_SAT = [1, 2, 3, 4, 5, 6];
const MON_FRI = [1, 2, 3, 4, 5];
const TUE_SUN = [2, 3, 4, 5, 6, 7];

export const SEED_STAFF: SeedStaff[] = [
  { staffNo: 'AX1001', name: '王建国', gender: 'male', skills: ['claim', 'disability_assessment'], dialects: ['上海话', '普通话'], district: '徐汇区', lat: 31.1955, lng: 121.4365, radiusKm: 8, hours: week(MON_SAT, '08:30', '17:30'), dailyCap: 5, rating: 4.9 },
  { staffNo: 'AX1002', name: '李秀梅', gender: 'female', skills: ['claim', 'escort'], dialects: ['上海话', '普通话'], district: '徐汇区', lat: 31.172, lng: 121.451, radiusKm: 7, hours: week(MON_FRI, '08:00', '17:30'), dailyCap: 4, rating: 4.8 },
  { staffNo: 'AX1003', name: '陈志强', gender: 'male', skills: ['claim'], dialects: ['普通话', '宁波话'], district: '静安区', lat: 31.2235, lng: 121.4454, radiusKm: 8, hours: week(MON_SAT, '08:30', '17:30'), dailyCap: 5, rating: 4.7 },
  { staffNo: 'AX1004', name: '刘芳', gender: 'female', skills: ['claim', 'escort'], dialects: ['上海话', '普通话'], district: '长宁区', lat: 31.2196, lng: 121.4166, radiusKm: 7, hours: week(TUE_SUN, '08:00', '17:30'), dailyCap: 4, rating: 4.9 },
  { staffNo: 'AX1005', name: '张国平', gender: 'male', skills: ['claim', 'disability_assessment'], dialects: ['普通话', '苏州话'], district: '浦东新区', lat: 31.2397, lng: 121.4998, radiusKm: 10, hours: week(MON_SAT, '08:30', '17:30'), dailyCap: 5, rating: 4.6 },
  { staffNo: 'AX1006', name: '赵丽华', gender: 'female', skills: ['claim'], dialects: ['上海话', '普通话'], district: '杨浦区', lat: 31.299, lng: 121.514, radiusKm: 8, hours: week(MON_SAT, '08:30', '17:30'), dailyCap: 5, rating: 4.8 },
  { staffNo: 'AX1007', name: '孙卫东', gender: 'male', skills: ['claim', 'escort'], dialects: ['普通话'], district: '闵行区', lat: 31.111, lng: 121.385, radiusKm: 10, hours: week(MON_SAT, '08:00', '17:30'), dailyCap: 5, rating: 4.5 },
  { staffNo: 'AX1008', name: '吴静', gender: 'female', skills: ['claim'], dialects: ['上海话', '普通话', '苏州话'], district: '黄浦区', lat: 31.2304, lng: 121.4737, radiusKm: 6, hours: week(MON_FRI, '08:30', '17:30'), dailyCap: 4, rating: 4.9 },
  { staffNo: 'AX1009', name: '徐明', gender: 'male', skills: ['claim', 'escort'], dialects: ['上海话', '普通话'], district: '普陀区', lat: 31.225, lng: 121.395, radiusKm: 8, hours: week(TUE_SUN, '08:00', '17:30'), dailyCap: 4, rating: 4.7 },
  { staffNo: 'AX1010', name: '朱红', gender: 'female', skills: ['claim', 'disability_assessment'], dialects: ['普通话', '宁波话'], district: '浦东新区', lat: 31.204, lng: 121.59, radiusKm: 9, hours: week(MON_SAT, '08:30', '17:30'), dailyCap: 5, rating: 4.8 },
  { staffNo: 'AX1011', name: '胡立新', gender: 'male', skills: ['claim'], dialects: ['上海话', '普通话'], district: '虹口区', lat: 31.2646, lng: 121.505, radiusKm: 7, hours: week(MON_SAT, '08:30', '17:30'), dailyCap: 5, rating: 4.6 },
  { staffNo: 'AX1012', name: '马晓燕', gender: 'female', skills: ['claim', 'escort'], dialects: ['普通话', '上海话'], district: '徐汇区', lat: 31.17, lng: 121.425, radiusKm: 6, hours: week(MON_SAT, '08:00', '17:30'), dailyCap: 4, rating: 4.7 },
];

/**
 * What a dispatcher would have on file: the disability-assessment certificate (伤残鉴定) for those
 * who hold the skill, the escort training for escorts. Numbers follow the staff number.
 */
export function seedCertificates(s: SeedStaff): Certificate[] {
  const certificates: Certificate[] = [];
  if (s.skills.includes('disability_assessment')) certificates.push({ name: '伤残鉴定', number: `SC-2029-${s.staffNo.slice(-4)}`, validUntil: '2032-12-31' });
  if (s.skills.includes('escort')) certificates.push({ name: '陪诊服务培训合格', number: `PZ-2029-${s.staffNo.slice(-4)}`, validUntil: null });
  return certificates;
}

/** A work phone per person (a reserved test range), shown to dispatchers only. */
export function seedPhone(staffNo: string): string {
  return `1380000${staffNo.slice(-4)}`;
}

/** Staff user ids, fixed like the rest: c0000000-…-00000000<staff number>. */
export function staffUserId(staffNo: string): string {
  return `c0000000-0000-4000-8000-00000000${staffNo.replace(/\D/g, '').padStart(4, '0')}`;
}
