/**
 * Matching a dedicated person (专属服务人员): hard constraints (eligibility), weighted and
 * explainable preferences (rank, reasons), and assigning many bookings at once (batch). Pure: the
 * server loads the facts into a MatchContext.
 */
export * from './types';
export * from './weights';
export { ineligibility } from './eligibility';
export { createStaffPool, type StaffPool } from './staff-pool';
export { rankCandidates } from './rank';
export { describeMatch, matchReasons } from './reasons';
export { assignBatch, solveBatch, BATCH_DEFAULTS, type BatchOptions, type BatchOutcome } from './batch';
export { assignOneByOne } from './greedy';
