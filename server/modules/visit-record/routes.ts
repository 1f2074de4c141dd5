import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssessmentBodySchema,
  BookingParamsSchema,
  DocumentBodySchema,
  DocumentParamsSchema,
  MilestoneBodySchema,
  MilestoneParamsSchema,
  VisitRecordSchema,
  type EscortMilestone,
} from '@domain';
import { bearerSecurity, responses } from '../../http';
import { currentUser, type Guards } from '../../plugins/auth';
import { IdempotencyHeadersSchema } from '../staff/idempotency';
import type { VisitRecordService } from './service';

/** The record of the day, written at the door (arrived or in service); each answers the whole record. */
export const visitRecordRoutes: FastifyPluginAsyncTypebox<{ record: VisitRecordService; guards: Guards }> = async (app, { record, guards }) => {
  const staffOnly = guards.role('staff');
  const common = { tags: ['staff'], security: bearerSecurity, headers: IdempotencyHeadersSchema, response: responses(200, VisitRecordSchema) };

  app.put(
    '/api/staff/tasks/:id/record/documents/:key',
    { onRequest: staffOnly, schema: { ...common, summary: '一项理赔材料：已收 / 客户暂时没有 / 未收，原件是否带走', params: DocumentParamsSchema, body: DocumentBodySchema } },
    async (request) => record.setDocument(currentUser(request), request.params.id, request.params.key, request.body, request.headers['idempotency-key']),
  );

  app.put(
    '/api/staff/tasks/:id/record/milestones/:key',
    { onRequest: staffOnly, schema: { ...common, summary: '陪诊的一步：做完了（可带手机上记下的时间）或撤回', params: MilestoneParamsSchema, body: MilestoneBodySchema } },
    async (request) => record.setMilestone(currentUser(request), request.params.id, request.params.key as EscortMilestone, request.body, request.headers['idempotency-key']),
  );

  app.put(
    '/api/staff/tasks/:id/record/assessment',
    { onRequest: staffOnly, schema: { ...common, summary: '伤残鉴定记录（仅意外伤残理赔）', params: BookingParamsSchema, body: AssessmentBodySchema } },
    async (request) => record.saveAssessment(currentUser(request), request.params.id, request.body, request.headers['idempotency-key']),
  );
};
