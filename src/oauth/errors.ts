import { JuziError, type JuziErrorCode, type JuziErrorOptions } from '../bridge/errors.js';

/** Every OAuth failure names the same api, so a page can tell sign-in errors from host errors. */
export const OAUTH_API = 'oauth';

/** A JuziError with api `oauth`. */
export function oauthError(code: JuziErrorCode, message?: string, options?: JuziErrorOptions): JuziError {
  return new JuziError(code, OAUTH_API, message, options);
}

/** Refuses an input (`invalid-params` on `field`) unless `ok`: nothing has left the page yet. */
export function check(ok: unknown, field: string, message: string): asserts ok {
  if (!ok) throw oauthError('invalid-params', undefined, { issues: [{ path: [field], message }] });
}

/** `value` as an absolute URL (or relative to `base`), or undefined. */
export function toUrl(value: string | URL, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}
