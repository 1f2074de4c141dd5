/**
 * Wiring: builds the Fastify app from its dependencies. Nothing here opens a port or a database,
 * so tests build the same app on a fresh database with a fake WeChat or a fixed clock.
 */
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './errors';
import { AddressService } from './modules/addresses/service';
import { addressRoutes } from './modules/addresses/routes';
import { authRoutes } from './modules/auth/routes';
import { AuthService } from './modules/auth/service';
import { createWechatClient } from './modules/auth/wechat-client';
import { staffJoinRoutes } from './modules/auth/staff-join-routes';
import { StaffJoining } from './modules/auth/staff-joining';
import { bookingChangeRoutes } from './modules/bookings/change-routes';
import { BookingChanges } from './modules/bookings/changes';
import { bookingRoutes } from './modules/bookings/routes';
import { BookingService } from './modules/bookings/service';
import { dispatchRoutes } from './modules/dispatch/routes';
import { DispatchService } from './modules/dispatch/service';
import { ServiceLevelService } from './modules/dispatch/service-levels';
import { staffAdminRoutes } from './modules/staff-admin/routes';
import { StaffAdminService } from './modules/staff-admin/service';
import { availabilityRoutes } from './modules/availability/routes';
import { AvailabilityService } from './modules/availability/service';
import { familyRoutes } from './modules/family/routes';
import { FamilyService } from './modules/family/service';
import { feedbackRoutes } from './modules/feedback/routes';
import { FeedbackService } from './modules/feedback/service';
import { fileRoutes } from './modules/files/routes';
import { FileService } from './modules/files/service';
import { fileStoreFor } from './storage';
import { healthRoutes } from './modules/health/routes';
import { scheduleOfferSweep } from './modules/jobs/offer-expiry';
import { registerLive } from './modules/live';
import { mediaRoutes } from './modules/media/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { MessageCentre } from './modules/notifications/service';
import { MediaService } from './modules/media/service';
import { preferencesRoutes } from './modules/preferences/routes';
import { PreferencesService } from './modules/preferences/service';
import { slotRoutes } from './modules/slots/routes';
import { SlotService } from './modules/slots/service';
import { staffRoutes } from './modules/staff/routes';
import { StaffService } from './modules/staff/service';
import { visitRecordRoutes } from './modules/visit-record/routes';
import { VisitRecordService } from './modules/visit-record/service';
import { staffUploadRoutes } from './modules/visit-record/upload-routes';
import { StaffUploads } from './modules/visit-record/uploads';
import { registerAuth } from './plugins/auth';
import { registerH5 } from './plugins/h5';
import { loginRateLimit } from './plugins/rate-limit';
import { registerSwagger } from './plugins/swagger';
import type { AppDeps } from './types';

function loggerOptions(deps: AppDeps): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  if (deps.logger) return { loggerInstance: deps.logger };
  return {
    logger: {
      level: deps.config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: req.url, remoteAddress: req.ip, headers: req.headers }),
      },
      // Bearer tokens and cookies are credentials: never in the logs.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db, clock } = deps;
  const app = Fastify({
    ...loggerOptions(deps),
    // Long enough for a slow phone network, short enough not to pile up dead connections.
    requestTimeout: 30_000,
    bodyLimit: 64 * 1024,
    // Broken URLs the router refuses itself, and requests Node's parser refuses (headers too
    // large, a garbled request line), get our { code, message } too.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  await registerSwagger(app);

  const wechat = deps.wechat !== undefined ? deps.wechat : config.wechat ? createWechatClient(config.wechat) : null;
  const auth = new AuthService(db, config, clock, wechat);
  const guards = registerAuth(app, auth);
  const signInLimit = loginRateLimit(config.loginRateLimitPerMinute, clock);
  // One store for every upload (document photos, staff photos, signatures): S3 when configured.
  const fileStore = fileStoreFor(config);
  app.addHook('onClose', async () => fileStore.close?.());

  await app.register(healthRoutes, { db });
  await app.register(authRoutes, { auth, guards, signInLimit });
  await app.register(staffJoinRoutes, { joining: new StaffJoining(db, clock, wechat, auth), signInLimit });
  await app.register(addressRoutes, { addresses: new AddressService(db), guards });
  await app.register(slotRoutes, { slots: new SlotService(db, clock), guards });
  await app.register(bookingRoutes, { bookings: new BookingService(db, clock, config.lifecycle), guards });
  await app.register(bookingChangeRoutes, { changes: new BookingChanges(db, clock, config.lifecycle), guards });
  await app.register(staffRoutes, { staff: new StaffService(db, clock, config.lifecycle), guards });
  await app.register(visitRecordRoutes, { record: new VisitRecordService(db, clock), guards });
  await app.register(staffUploadRoutes, { uploads: new StaffUploads(db, clock, fileStore), guards });
  await app.register(dispatchRoutes, {
    dispatch: new DispatchService(db, clock, config.lifecycle),
    serviceLevels: new ServiceLevelService(db, clock, config.serviceLevels),
    guards,
  });
  await app.register(staffAdminRoutes, { staffAdmin: new StaffAdminService(db, clock), guards });
  await app.register(availabilityRoutes, { availability: new AvailabilityService(db, clock, config.lifecycle), guards });
  await app.register(mediaRoutes, { media: new MediaService(db) });
  await app.register(familyRoutes, { family: new FamilyService(db, clock), guards });
  await app.register(feedbackRoutes, { feedback: new FeedbackService(db, clock), guards });
  await app.register(preferencesRoutes, { preferences: new PreferencesService(db), guards });
  await app.register(fileRoutes, { files: new FileService(db, clock, fileStore), guards });
  // 我的消息 and WeChat subscriptions; the workers that deliver are started by the process (server.ts).
  await app.register(notificationRoutes, { messages: new MessageCentre(db, clock, config.wechat ? config.notifications.templates : null), guards });
  // The live channel (GET /api/live): pushes every visit change, from any instance, to who may see it.
  await registerLive(app, { db, clock, config });
  await registerH5(app, config.h5Dir);
  scheduleOfferSweep(app, db, clock, config.lifecycle);
  return app;
}
