import { JuziError } from '../src/bridge/index.js';

/** The JuziError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<JuziError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JuziError) return error;
    throw new Error(`expected a JuziError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a rejection, but the promise resolved');
}

export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));
