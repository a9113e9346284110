import * as z from 'zod/mini';
import type { JuziErrorCode } from '../bridge/errors.js';
import { toIssues } from '../bridge/schemas.js';
import { check, oauthError, toUrl } from './errors.js';
import { regionBase } from './urls.js';

/** Who signed in, as the region's `getUserInfo` answers it. */
export interface UserInfo {
  /** The bot account's WeCom userId, in plain text. */
  userId: string;
  /** The bot account's WeCom corpId, in plain text. */
  corpId: string;
  /** The bot account id. */
  botId: string;
  /** The Juzi organisation id. */
  orgId: string;
  /** The Juzi member id of the signed-in agent. */
  uid: string;
  /** The member's e-mail, when the region has one. */
  email?: string;
  /** The member's name, when the region has one. */
  name?: string;
}

/** Where the code is exchanged: the region itself, or the page's own server answering the same JSON. */
export type UserInfoEndpoint =
  | {
      /** The region's base URL; the code goes to `{regionUrl}/api/v1/oauth/getUserInfo?code=…`. */
      regionUrl: string;
      exchangeUrl?: undefined;
    }
  | {
      /** The page's own http(s) endpoint (absolute, or relative to the page in a browser); gets `code` as a query parameter. */
      exchangeUrl: string;
      regionUrl?: undefined;
    };

/** How `fetchUserInfo` makes its request. */
export interface FetchUserInfoRequest {
  /** The fetch to use (default `globalThis.fetch`), e.g. a stub in tests. */
  fetch?: typeof globalThis.fetch;
}

/** The options of `fetchUserInfo`: one endpoint, and optionally how to request it. */
export type FetchUserInfoOptions = UserInfoEndpoint & FetchUserInfoRequest;

const text = z.string();
const optionalText = z.optional(text);

/** The whole answer; `null`s were dropped while parsing, so on a failure `data` is simply absent. */
const Answer = z.object({
  errcode: z.number(),
  errmsg: optionalText,
  data: z.optional(
    z.object({ userId: text, corpId: text, botId: text, orgId: text, uid: text, email: optionalText, name: optionalText }),
  ),
});

const ERRCODES: Readonly<Record<number, JuziErrorCode>> = {
  [-1]: 'invalid-code',
  [-2]: 'expired-code',
  [-4]: 'code-not-found',
};

/**
 * Exchanges a single-use code for who signed in: a GET to the region's `getUserInfo`
 * (or to `exchangeUrl`), its JSON checked. Rejects with a JuziError (api `oauth`):
 * errcode -1 `invalid-code`, -2 `expired-code`, -4 `code-not-found`, any other
 * `unknown`; no HTTP answer `network`; non-JSON or a wrong shape `invalid-response`;
 * a refused input `invalid-params` (nothing is sent). Each code works once: never
 * call this twice with the same code.
 */
export async function fetchUserInfo(
  code: string,
  options: FetchUserInfoOptions,
  request: FetchUserInfoRequest = {},
): Promise<UserInfo> {
  check(typeof code === 'string' && code.trim(), 'code', 'expected the code from the callback');
  const { exchangeUrl } = options;
  const url = exchangeUrl
    ? toUrl(exchangeUrl, globalThis.location?.href)
    : new URL(`${regionBase(options.regionUrl as string)}/api/v1/oauth/getUserInfo`);
  check(url && /^https?:$/.test(url.protocol), 'exchangeUrl', 'expected an http(s) URL');
  url.searchParams.set('code', code);

  let body: string;
  try {
    body = await (await (request.fetch ?? options.fetch ?? fetch)(url)).text();
  } catch (cause) {
    // The code is a credential until used: it stays out of every error message.
    throw oauthError('network', undefined, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(body, (_key, value: unknown) => value ?? undefined);
  } catch (cause) {
    throw oauthError('invalid-response', undefined, { cause });
  }
  const answer = Answer.safeParse(json);
  if (!answer.success) throw oauthError('invalid-response', undefined, { issues: toIssues(answer.error.issues) });
  const { errcode, errmsg, data } = answer.data;
  if (errcode) throw oauthError(ERRCODES[errcode] ?? 'unknown', undefined, { errMsg: errmsg || `errcode ${errcode}` });
  if (!data) throw oauthError('invalid-response', undefined, { errMsg: 'no data' });
  return data;
}
