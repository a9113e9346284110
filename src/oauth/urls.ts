import { isHttpUrl } from '../bridge/schemas.js';
import { check, oauthError, toUrl } from './errors.js';

/** Where `createAuthorizeUrl` sends the agent and what comes back. */
export interface AuthorizeUrlOptions {
  /** The region's base URL, e.g. `https://hub.juzibot.com` (a path is allowed; https, or http on localhost). */
  regionUrl: string;
  /** Absolute http(s) URL the region sends the agent back to with `code` and `state`. */
  redirectUri: string;
  /** From `createState()`: `[A-Za-z0-9]`, at most 128 characters. */
  state: string;
}

/** What a redirect back from the region carried. */
export interface AuthCallback {
  /** The single-use code to exchange with `fetchUserInfo`. */
  code: string;
  /** The `state` sent, already checked against the expected one. */
  state: string;
}

/** Why an endpoint was refused: the one rule for `regionUrl` and `exchangeUrl`. */
export const SECURE_URL = 'expected https (http only on localhost)';

/**
 * True for an https URL, or http on this machine (the dev server). A code and the
 * agent's identity travel to these endpoints, so plain http elsewhere is refused.
 */
export function isSecureEndpoint(url: URL | undefined): url is URL {
  return url?.protocol === 'https:' || (url?.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname));
}

/** The region's base URL without trailing slashes (`invalid-params` on `regionUrl` otherwise). */
export function regionBase(regionUrl: string): string {
  const url = toUrl(regionUrl);
  check(isSecureEndpoint(url), 'regionUrl', SECURE_URL);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * The URL to send the agent to for sign-in:
 * `{regionUrl}/oauth/connect/authorize?redirect_uri=…&state=…`, with `redirect_uri`
 * URL-encoded. Refuses (`invalid-params`) a non-https region, a relative or
 * non-http redirect and a state outside `[A-Za-z0-9]{1,128}`.
 */
export function createAuthorizeUrl({ regionUrl, redirectUri, state }: AuthorizeUrlOptions): string {
  const base = regionBase(regionUrl);
  check(isHttpUrl(redirectUri), 'redirectUri', 'expected an absolute http(s) URL');
  check(typeof state === 'string' && /^[A-Za-z0-9]{1,128}$/.test(state), 'state', 'expected [A-Za-z0-9]{1,128}');
  return `${base}/oauth/connect/authorize?${new URLSearchParams({ redirect_uri: redirectUri, state })}`;
}

/**
 * Reads the region's redirect back (a relative `url` is read against the page). Returns
 * null when `url` carries neither `code` nor `state` (not a callback); throws
 * `state-mismatch` when its state is not `expectedState` (or none was expected), and
 * `invalid-code` when it has no code.
 */
export function readAuthCallback(url: string | URL, expectedState: string | null | undefined): AuthCallback | null {
  const params = toUrl(url, globalThis.location?.href)?.searchParams;
  check(params, 'url', 'expected a URL');
  const code = params.get('code');
  if (code === null && !params.has('state')) return null;
  if (!expectedState || params.get('state') !== expectedState) throw oauthError('state-mismatch');
  if (!code?.trim()) throw oauthError('invalid-code');
  return { code, state: expectedState };
}
