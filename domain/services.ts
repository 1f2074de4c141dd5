/** The services we offer and, for claims, the types to tap and the documents to prepare (一次性告知). */
export const SERVICE_TYPES = ['claim', 'escort'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_LABELS: Record<ServiceType, string> = {
  claim: '上门理赔',
  escort: '就医陪诊',
};

/** Staff skills. A disability assessment needs a certified person (issue: matching). */
export const SKILLS = ['claim', 'escort', 'disability_assessment'] as const;
export type Skill = (typeof SKILLS)[number];

export const CLAIM_TYPES = ['inpatient', 'outpatient', 'critical_illness', 'accident_disability', 'death', 'other'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export interface ClaimTypeInfo {
  type: ClaimType;
  label: string;
  /** Documents to have ready before the visit, so one visit is enough. */
  documents: string[];
  /** Skills the visiting person must have. */
  skills: Skill[];
}

const ID_AND_BANK = ['被保险人身份证', '领款人银行卡（只需给服务人员看卡号，不需要密码）'];

export const CLAIM_TYPE_INFO: Record<ClaimType, ClaimTypeInfo> = {
  inpatient: {
    type: 'inpatient',
    label: '住院医疗',
    documents: [...ID_AND_BANK, '出院小结', '住院费用发票', '费用明细清单'],
    skills: ['claim'],
  },
  outpatient: {
    type: 'outpatient',
    label: '门诊',
    documents: [...ID_AND_BANK, '门诊病历', '门诊费用发票', '检查报告'],
    skills: ['claim'],
  },
  critical_illness: {
    type: 'critical_illness',
    label: '重大疾病',
    documents: [...ID_AND_BANK, '诊断证明书', '病理或检查报告', '出院小结'],
    skills: ['claim'],
  },
  accident_disability: {
    type: 'accident_disability',
    label: '意外伤残',
    documents: [...ID_AND_BANK, '意外经过说明', '病历和诊断证明', '伤残相关检查报告'],
    skills: ['claim', 'disability_assessment'],
  },
  death: {
    type: 'death',
    label: '身故',
    documents: ['受益人身份证', '受益人银行卡（只需给服务人员看卡号，不需要密码）', '死亡证明', '户籍注销证明', '与被保险人的关系证明'],
    skills: ['claim'],
  },
  other: {
    type: 'other',
    label: '其他',
    documents: [...ID_AND_BANK, '与这次理赔有关的材料（服务人员会电话和您确认）'],
    skills: ['claim'],
  },
};

export function requiredSkills(service: ServiceType, claimType?: ClaimType | null): Skill[] {
  if (service === 'escort') return ['escort'];
  return CLAIM_TYPE_INFO[claimType ?? 'other'].skills;
}

// ---- 就医陪诊 medical escort ----

export interface Hospital {
  /** Stable slug, stored on the booking. */
  id: string;
  /** What people say: 瑞金医院. */
  name: string;
  fullName: string;
  district: string;
  address: string;
  lat: number;
  lng: number;
}

/** Large Shanghai hospitals elders are most often referred to (coordinates approximate, for distance only). */
export const HOSPITALS: readonly Hospital[] = [
  { id: 'ruijin', name: '瑞金医院', fullName: '上海交通大学医学院附属瑞金医院', district: '黄浦区', address: '瑞金二路 197 号', lat: 31.2119, lng: 121.4686 },
  { id: 'zhongshan', name: '中山医院', fullName: '复旦大学附属中山医院', district: '徐汇区', address: '枫林路 180 号', lat: 31.1996, lng: 121.4538 },
  { id: 'huashan', name: '华山医院', fullName: '复旦大学附属华山医院', district: '静安区', address: '乌鲁木齐中路 12 号', lat: 31.2162, lng: 121.441 },
  { id: 'huadong', name: '华东医院', fullName: '复旦大学附属华东医院', district: '静安区', address: '延安西路 221 号', lat: 31.223, lng: 121.445 },
  { id: 'renji', name: '仁济医院', fullName: '上海交通大学医学院附属仁济医院（东院）', district: '浦东新区', address: '浦建路 160 号', lat: 31.211, lng: 121.527 },
  { id: 'xinhua', name: '新华医院', fullName: '上海交通大学医学院附属新华医院', district: '杨浦区', address: '控江路 1665 号', lat: 31.273, lng: 121.521 },
  { id: 'sixth', name: '第六人民医院', fullName: '上海市第六人民医院', district: '徐汇区', address: '宜山路 600 号', lat: 31.177, lng: 121.429 },
  { id: 'first', name: '第一人民医院', fullName: '上海市第一人民医院', district: '虹口区', address: '海宁路 100 号', lat: 31.248, lng: 121.486 },
  { id: 'tenth', name: '第十人民医院', fullName: '上海市第十人民医院', district: '静安区', address: '延长中路 301 号', lat: 31.28, lng: 121.46 },
  { id: 'ninth', name: '第九人民医院', fullName: '上海交通大学医学院附属第九人民医院', district: '黄浦区', address: '制造局路 639 号', lat: 31.202, lng: 121.484 },
  { id: 'longhua', name: '龙华医院', fullName: '上海中医药大学附属龙华医院', district: '徐汇区', address: '宛平南路 725 号', lat: 31.183, lng: 121.454 },
  { id: 'shuguang', name: '曙光医院', fullName: '上海中医药大学附属曙光医院（西院）', district: '黄浦区', address: '普安路 185 号', lat: 31.229, lng: 121.48 },
  { id: 'changhai', name: '长海医院', fullName: '海军军医大学第一附属医院（长海医院）', district: '杨浦区', address: '长海路 168 号', lat: 31.306, lng: 121.526 },
  { id: 'tongji', name: '同济医院', fullName: '上海市同济医院', district: '普陀区', address: '新村路 389 号', lat: 31.271, lng: 121.432 },
];

export function findHospital(id: string): Hospital | null {
  return HOSPITALS.find((h) => h.id === id) ?? null;
}

/** Hospitals whose name, full name or district contains the words typed (spaces ignored). */
export function searchHospitals(typed: string): Hospital[] {
  const q = typed.replace(/\s+/g, '');
  if (!q) return [...HOSPITALS];
  return HOSPITALS.filter((h) => h.name.includes(q) || h.fullName.includes(q) || h.district.includes(q) || q.includes(h.name));
}

/** Departments to tap; the staff member confirms the exact clinic by phone. */
export const DEPARTMENTS = [
  'cardiology', 'neurology', 'respiratory', 'gastro', 'endocrine', 'orthopedics', 'ophthalmology', 'ent',
  'urology', 'oncology', 'geriatrics', 'general', 'tcm', 'other',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, string> = {
  cardiology: '心内科',
  neurology: '神经内科',
  respiratory: '呼吸科',
  gastro: '消化科',
  endocrine: '内分泌科',
  orthopedics: '骨科',
  ophthalmology: '眼科',
  ent: '耳鼻喉科',
  urology: '泌尿外科',
  oncology: '肿瘤科',
  geriatrics: '老年科',
  general: '普通内科',
  tcm: '中医科',
  other: '其他科室',
};

/** What the escort must plan for (equipment, lifts, how to talk): taps, never typed. */
export const MOBILITY_NEEDS = ['wheelchair', 'no_stairs', 'hard_of_hearing'] as const;
export type MobilityNeed = (typeof MOBILITY_NEEDS)[number];

export const MOBILITY_LABELS: Record<MobilityNeed, string> = {
  wheelchair: '需要轮椅',
  no_stairs: '不能爬楼梯',
  hard_of_hearing: '听力不好，说话请大声些',
};
