import { isJuziError, JuziError } from '../bridge/errors.js';

/**
 * `error` as a JuziError. The bridge and the OAuth functions only ever throw JuziErrors, so
 * anything else was thrown by page code the element ran (a `navigate` or a stand-in `bridge`
 * the page set, a subclass): `invalid-params`, since the host was not called and what the
 * page handed the element is at fault; never `host-fail`, which carries only the host's words.
 */
export function toJuziError(error: unknown, api: string): JuziError {
  return isJuziError(error)
    ? error
    : new JuziError('invalid-params', api, undefined, { issues: [{ path: [], message: String(error) }], cause: error });
}
