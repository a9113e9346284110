import { isHttpUrl } from '../bridge/schemas.js';
import { oauthError, refused } from './errors.js';
import { STATE_PATTERN } from './state.js';

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

/** The callback parameters, removed from the address bar before the code is exchanged. */
export const CALLBACK_PARAMS = ['code', 'state'] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The region's base URL without trailing slashes. A code and the agent's identity
 * travel to it, so plain http is refused except on this machine (the dev server).
 */
export function regionBase(regionUrl: unknown, field = 'regionUrl'): string {
  if (typeof regionUrl !== 'string' || regionUrl.trim() === '') throw refused(field, 'expected the region URL');
  let url: URL;
  try {
    url = new URL(regionUrl);
  } catch {
    throw refused(field, `expected an absolute https URL, got ${JSON.stringify(regionUrl)}`);
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    throw refused(field, 'must be https (http only for localhost, 127.0.0.1 or [::1])');
  }
  if (url.username || url.password) throw refused(field, 'must not carry credentials');
  if (url.search || url.hash) throw refused(field, 'must not carry a query or a fragment');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** An absolute http(s) URL as given; never a relative path or `javascript:`. */
export function absoluteHttpUrl(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isHttpUrl(value)) {
    throw refused(field, `expected an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The URL to send the agent to for sign-in:
 * `{regionUrl}/oauth/connect/authorize?redirect_uri=…&state=…`, with `redirect_uri`
 * URL-encoded. Refuses (`invalid-params`) a non-https region, a relative or
 * non-http redirect and a state outside `[A-Za-z0-9]{1,128}`.
 */
export function createAuthorizeUrl({ regionUrl, redirectUri, state }: AuthorizeUrlOptions): string {
  const base = regionBase(regionUrl);
  const redirect = absoluteHttpUrl(redirectUri, 'redirectUri');
  if (typeof state !== 'string' || !STATE_PATTERN.test(state)) {
    throw refused('state', 'expected 1 to 128 characters of [A-Za-z0-9] (use createState())');
  }
  const url = new URL(`${base}/oauth/connect/authorize`);
  url.searchParams.set('redirect_uri', redirect);
  url.searchParams.set('state', state);
  return url.href;
}

/**
 * Reads the region's redirect back. Returns null when `url` carries neither `code`
 * nor `state` (not a callback); throws `state-mismatch` when its state is not
 * `expectedState` (or none was expected), and `invalid-code` when it has no code.
 */
export function readAuthCallback(url: string | URL, expectedState: string | null | undefined): AuthCallback | null {
  let parsed: URL;
  try {
    parsed = new URL(url, globalThis.location?.href);
  } catch {
    throw refused('url', `expected a URL, got ${JSON.stringify(String(url))}`);
  }
  const code = parsed.searchParams.get('code');
  const state = parsed.searchParams.get('state');
  if (code === null && state === null) return null;
  if (!expectedState) {
    throw oauthError('state-mismatch', 'state-mismatch (no sign-in was started from this tab, so the callback cannot be trusted)');
  }
  if (state !== expectedState) {
    throw oauthError('state-mismatch', 'state-mismatch (the callback is not the answer to the sign-in this tab started)');
  }
  if (!code || code.trim() === '') throw oauthError('invalid-code', 'invalid-code (the callback carries no code)');
  return { code, state };
}

/**
 * `url` without the callback parameters. The rest of the query is kept byte for
 * byte (URLSearchParams would re-encode it, e.g. `%20` as `+`), and so is the fragment.
 */
export function withoutCallback(url: string | URL): URL {
  const clean = new URL(url);
  const drop = new Set<string>(CALLBACK_PARAMS);
  const kept = clean.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !drop.has([...new URLSearchParams(pair).keys()][0] ?? ''));
  clean.search = kept.join('&');
  return clean;
}
