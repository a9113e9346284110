import { JuziError, type JuziErrorCode, type JuziErrorOptions, type JuziIssue } from '../bridge/errors.js';

/** Every OAuth failure names the same api, so a page can tell sign-in errors from host errors. */
export const OAUTH_API = 'oauth';

export function oauthError(code: JuziErrorCode, message?: string, options?: JuziErrorOptions): JuziError {
  return new JuziError(code, OAUTH_API, message, options);
}

/** An input we refuse before anything leaves the page. */
export function refused(path: string, message: string): JuziError {
  const issues: JuziIssue[] = [{ path: [path], message }];
  return oauthError('invalid-params', undefined, { issues });
}
