/**
 * Runs a transaction again when it lost a race the database settled (another transaction took the
 * slot or the row first): the second run reads the new state and gives the true answer.
 */
import { SQLSTATE, sqlState, type Db, type Queryable } from './types';

const RETRYABLE = new Set<string>([SQLSTATE.exclusionViolation, SQLSTATE.uniqueViolation, SQLSTATE.serializationFailure, SQLSTATE.deadlockDetected]);

export async function transactionWithRetry<T>(db: Db, work: (tx: Queryable) => Promise<T>, maxAttempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (err) {
      const state = sqlState(err);
      if (attempt >= maxAttempts || !state || !RETRYABLE.has(state)) throw err;
    }
  }
}
