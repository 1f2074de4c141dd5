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
