import { isJuziError, JuziError } from '../bridge/errors.js';

/**
 * `error` as a JuziError. The bridge and the OAuth functions only ever throw JuziErrors, so
 * anything else was thrown by code the element ran for the page (a `navigate` it set, …).
 */
export function toJuziError(error: unknown, api: string): JuziError {
  return isJuziError(error) ? error : new JuziError('host-fail', api, String(error), { errMsg: String(error), cause: error });
}
