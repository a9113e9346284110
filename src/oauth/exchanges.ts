import type { UserInfo } from './user-info.js';

/**
 * The page's code exchanges, in flight or finished. It lives on `globalThis` under a
 * `Symbol.for` key so every `<juzi-auth>`, from any copy of the bundle, shares it: a
 * code is single-use, and a second exchange would only earn `code-not-found`.
 * Keep this shape stable across versions; copies of different versions read it.
 */
export interface OAuthExchanges {
  /** Each exchange by its code. */
  readonly byCode: Map<string, Promise<UserInfo>>;
  /**
   * The sign-in this page load came back with (check of `state` included). Elements
   * that connect after the first one cleaned the address bar join it here.
   */
  callback?: Promise<UserInfo>;
}

/** The registry key; also what tests delete to start from a fresh page. */
export const EXCHANGES_KEY = Symbol.for('juzi-elements.oauth-exchanges');

/** This page's registry, made on first use. */
export function oauthExchanges(): OAuthExchanges {
  return ((globalThis as { [EXCHANGES_KEY]?: OAuthExchanges })[EXCHANGES_KEY] ??= { byCode: new Map() });
}

/** Runs `exchange` for `code` unless this page already did; every caller gets the one outcome. */
export function exchangeOnce(code: string, exchange: () => Promise<UserInfo>): Promise<UserInfo> {
  const { byCode } = oauthExchanges();
  if (!byCode.has(code)) byCode.set(code, exchange());
  return byCode.get(code)!;
}
