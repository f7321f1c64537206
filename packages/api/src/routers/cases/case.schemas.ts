import {
  CASE_DECISIONS,
  CASE_NOTICE_KINDS,
  CASE_STAGES,
  CASE_TYPES,
  FOLLOW_UP_STATUSES,
  SANCTION_PROPOSAL_STATUSES,
  SERVICE_RATING_KEYS,
  SERVICE_RATING_STAGES,
} from '@chuangkou/rules';
import { z } from 'zod';
import { ZDate, ZId, ZText } from '../../schemas.ts';

export const ZCaseType = z.enum(CASE_TYPES);
export const ZCaseStage = z.enum(CASE_STAGES);
export const ZCaseDecision = z.enum(CASE_DECISIONS);
export const ZCaseNoticeKind = z.enum(CASE_NOTICE_KINDS);
export const ZSanctionProposalStatus = z.enum(SANCTION_PROPOSAL_STATUSES);
export const ZFollowUpStatus = z.enum(FOLLOW_UP_STATUSES);
export const ZServiceRatingKey = z.enum(SERVICE_RATING_KEYS);
export const ZServiceRatingStage = z.enum(SERVICE_RATING_STAGES);

export const ZPhone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,30}$/, { error: '电话号码格式不正确' });

/** A list of short texts (materials, reasons, departments). */
export const ZTextList = (maxItems: number, maxLength: number) =>
  z.array(z.string().trim().min(1).max(maxLength)).max(maxItems);

/** A matter of the catalog with the eight fields of its service guide. */
export const ZMatterFields = z.object({
  unitId: ZId,
  name: ZText(200),
  type: ZCaseType,
  promisedDays: z.number().int().min(0).max(365),
  legalBasis: z.string().trim().max(2000).default(''),
  materials: ZTextList(100, 300).default([]),
  procedure: z.string().trim().max(2000).default(''),
  fees: z.string().trim().max(500).default(''),
  feeBasis: z.string().trim().max(1000).default(''),
  inquiryPhone: z.union([ZPhone, z.literal('')]).default(''),
  complaintPhone: z.union([ZPhone, z.literal('')]).default(''),
  leadDepartment: z.string().trim().max(200).default(''),
  relatedDepartments: ZTextList(30, 200).default([]),
});

/** A step on a case: which case, and the day of the step. */
export const ZCaseStep = z.object({ id: ZId, on: ZDate });

/** One handled case of an import (`cases.import`, `cli cases import`). */
export const ZImportCaseRow = z.object({
  matterId: ZId,
  staffId: ZId,
  windowId: ZId.optional(),
  applicantName: ZText(100),
  applicantPhone: z.string().trim().max(30).optional(),
  receivedOn: ZDate,
  missing: ZTextList(100, 300).optional(),
  materialsCompleteOn: ZDate.optional(),
  decidedOn: ZDate.optional(),
  decision: ZCaseDecision.optional(),
  reasons: ZTextList(20, 500).optional(),
  notifiedOn: ZDate.optional(),
  pickedUpOn: ZDate.optional(),
  acceptanceCode: z.string().trim().min(4).max(40).optional(),
});
export type TImportCaseRow = z.infer<typeof ZImportCaseRow>;

/** The applicant's acceptance code and query password, from the receipt. */
export const ZApplicantCredentials = z.object({
  code: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(40),
});
