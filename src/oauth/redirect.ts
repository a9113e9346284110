import { oauthError } from './errors.js';
import { exchangeOnce, oauthExchanges } from './exchanges.js';
import { createState } from './state.js';
import { createAuthorizeUrl, readAuthCallback } from './urls.js';
import { fetchUserInfo, type FetchUserInfoOptions, type UserInfo } from './user-info.js';

/** Where the `state` of a started redirect waits for the callback (sessionStorage, so per tab). */
export const STATE_STORAGE_KEY = 'juzi-elements.oauth-state';

/** Where `startSignIn` sends the agent. */
export interface StartSignInOptions {
  /** The region's base URL (https; http only on localhost). */
  regionUrl: string;
  /** Where the region sends the agent back; default this page without `code`, `state` and fragment. */
  redirectUri?: string | undefined;
}

/**
 * Runs `use` on sessionStorage, which keeps `state` across the redirect. Blocked storage
 * (private mode, site data off) is `storage-unavailable`: without a kept state a forged
 * callback could not be told apart.
 */
function session<T>(use: (storage: Storage) => T): T {
  try {
    return use(sessionStorage);
  } catch (cause) {
    throw oauthError('storage-unavailable', 'storage-unavailable (sessionStorage is blocked)', { cause });
  }
}

/** `url` (changed in place) without the callback parameters. */
function withoutCallback(url: URL): URL {
  url.searchParams.delete('code');
  url.searchParams.delete('state');
  return url;
}

/**
 * Starts a redirect sign-in in this tab: keeps a fresh `state` in sessionStorage and
 * returns the region's authorize URL, for the page to go to (`location.assign(url)`).
 * Refuses a bad `regionUrl` or `redirectUri` with `invalid-params` and blocked storage
 * with `storage-unavailable`, keeping nothing either way. A later call replaces the
 * state, so only the newest sign-in's callback is accepted.
 */
export function startSignIn({ regionUrl, redirectUri }: StartSignInOptions): string {
  const state = createState();
  let back = redirectUri;
  if (!back && globalThis.location) {
    const here = withoutCallback(new URL(location.href));
    here.hash = ''; // a redirect URI carries no fragment (RFC 6749 §3.1.2)
    back = here.href;
  }
  const url = createAuthorizeUrl({ regionUrl, redirectUri: back as string, state });
  session((storage) => storage.setItem(STATE_STORAGE_KEY, state));
  return url;
}

/**
 * The state this tab's redirect kept, taken (each state answers one callback), or
 * null when there is none. Unreadable storage counts as none: a tab that cannot keep a
 * state cannot have started a sign-in.
 */
function takePendingState(): string | null {
  try {
    const kept = sessionStorage.getItem(STATE_STORAGE_KEY);
    sessionStorage.removeItem(STATE_STORAGE_KEY);
    return kept;
  } catch {
    return null;
  }
}

/**
 * Finishes the redirect sign-in this page load came back with, once per page.
 *
 * The address bar is ours only if it carries `code` and `state` and this tab started a
 * sign-in (a state is kept). Then, before anything that can fail or wait, both are
 * removed from the address bar (`history.replaceState`) and the kept state is used up;
 * the promise rejects `state-mismatch` when the states differ, else exchanges the code
 * once (`fetchUserInfo` with `options`). Any other page load answers null and leaves
 * the URL alone: the page may run its own OAuth (WeCom's also returns `code` and `state`).
 * Every later call on the page, from any copy of the library, gets the same promise.
 */
export function finishSignIn(options: FetchUserInfoOptions): Promise<UserInfo> | null {
  const registry = oauthExchanges();
  if (registry.callback) return registry.callback;
  if (!globalThis.location) return null;
  const url = new URL(location.href);
  const { href, searchParams } = url;
  if (!searchParams.has('code') || !searchParams.has('state')) return null;
  const expected = takePendingState();
  if (expected === null) return null;
  history.replaceState(history.state, '', withoutCallback(url));
  registry.callback = Promise.resolve().then(() => {
    const { code } = readAuthCallback(href, expected)!;
    return exchangeCode(code, options);
  });
  return registry.callback;
}

/**
 * Exchanges `code` unless this page already did (or is doing) so, sharing that one
 * outcome: for codes from the host's `sidebarAuth`, which need no redirect.
 */
export function exchangeCode(code: string, options: FetchUserInfoOptions): Promise<UserInfo> {
  return exchangeOnce(code, () => fetchUserInfo(code, options));
}
