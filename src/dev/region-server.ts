/// <reference types="node" />
/**
 * A local stand-in for a Juzi region's OAuth endpoints, for `npm start` and the tests.
 * Node only: src/dev/index.ts (browser code) never imports it.
 *
 * - `GET /oauth/connect/authorize?redirect_uri=…&state=…` signs in as the fixture agent
 *   at once and redirects back with a fresh single-use `code` (and the `state`).
 * - `GET /api/v1/oauth/getUserInfo?code=…` answers exactly the vendor's JSON: errcode 0
 *   with the agent, -1 for a malformed code, -2 for an expired one (older than `ttl`),
 *   -4 for one never issued or already used.
 * - `POST /dev/code` answers `{ "code": "…" }`, a code issued without a redirect: what a
 *   page needs to stand in for the host's `sidebarAuth`.
 *
 * Paths are relative to where the middleware is mounted (`/region` in the demo and tests).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { UserInfo } from '../oauth/user-info.js';

/** The agent in the vendor's `getUserInfo` example, field for field. */
export const seedUserInfo: Readonly<UserInfo> = Object.freeze({
  userId: 'userId',
  corpId: 'ww5ecc1acd5dce6e9d',
  botId: '647844cd6059597fc5c79f38',
  orgId: '644a448ab93794cbdccf93cb',
  uid: '644a448ab93794cbdccf93ca',
  email: 'donghao_12_15@163.com',
  name: '句子',
});

/** Options of `createRegionServer`. */
export interface RegionServerOptions {
  /** Who every sign-in is (default `seedUserInfo`). */
  user?: UserInfo;
  /** The clock, in ms (default `Date.now`); tests move it to expire codes. */
  now?: () => number;
  /** How long a code lives, in ms (default 5 minutes, as the vendor documents). */
  ttl?: number;
}

/** Connect's `next`: called for a path the region server does not serve. */
export type NextFunction = (error?: unknown) => void;

/** A connect-style middleware, plus a way to issue a code without HTTP. */
export interface RegionServer {
  (req: IncomingMessage, res: ServerResponse, next: NextFunction): void;
  /** Issues a single-use code now, as an approved authorize would. */
  issueCode(): string;
}

/** The `getUserInfo` answer, as the region sends it. */
export interface RegionAnswer {
  errcode: number;
  errmsg: string;
  data?: UserInfo;
}

const FIVE_MINUTES = 5 * 60 * 1000;
/** Codes this server issues; anything else is malformed (-1). */
const CODE_PATTERN = /^[0-9a-f]{32}$/;
const STATE_PATTERN = /^[A-Za-z0-9]{0,128}$/;

function randomCode(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  // Every answer is about one single-use code: nothing here may be cached.
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200) => send(res, status, 'application/json', JSON.stringify(value));

/** The redirect target, only an absolute http(s) URL: a dev server must not bounce agents to `javascript:`. */
function redirectTarget(value: string | null): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the region stand-in: a connect-style middleware for `(req, res, next)`. */
export function createRegionServer(options: RegionServerOptions = {}): RegionServer {
  const user: UserInfo = { ...(options.user ?? seedUserInfo) };
  const now = options.now ?? Date.now;
  const ttl = options.ttl ?? FIVE_MINUTES;
  if (typeof ttl !== 'number' || !(ttl > 0)) throw new RangeError(`ttl must be a positive number of ms, got ${String(ttl)}`);
  /** Issued and not yet used: code → when it was issued. */
  const codes = new Map<string, number>();

  function issueCode(): string {
    const at = now();
    // Forget codes long past expiry so a long dev session does not grow the map forever.
    for (const [code, issued] of codes) if (at - issued >= ttl * 2) codes.delete(code);
    const code = randomCode();
    codes.set(code, at);
    return code;
  }

  function userInfo(code: string | null): RegionAnswer {
    if (code === null || !CODE_PATTERN.test(code)) return { errcode: -1, errmsg: 'invalid code' };
    const issued = codes.get(code);
    if (issued === undefined) return { errcode: -4, errmsg: 'code not found' };
    codes.delete(code); // single use, whatever the outcome
    if (now() - issued >= ttl) return { errcode: -2, errmsg: 'code expired' };
    return { errcode: 0, errmsg: '', data: { ...user } };
  }

  function authorize(url: URL, res: ServerResponse): void {
    const target = redirectTarget(url.searchParams.get('redirect_uri'));
    const state = url.searchParams.get('state');
    if (!target) return send(res, 400, 'text/plain', 'redirect_uri must be an absolute http(s) URL\n');
    if (state !== null && !STATE_PATTERN.test(state)) {
      return send(res, 400, 'text/plain', 'state must be at most 128 characters of [A-Za-z0-9]\n');
    }
    // Appended as written: re-encoding the page's own query could change what it reads.
    const extra = `code=${issueCode()}${state !== null ? `&state=${state}` : ''}`;
    target.search = target.search ? `${target.search}&${extra}` : `?${extra}`;
    send(res, 302, 'text/plain', `Signed in as ${user.name ?? user.userId}; redirecting.\n`, { Location: target.href });
  }

  const middleware = ((req: IncomingMessage, res: ServerResponse, next: NextFunction): void => {
    const url = new URL(req.url ?? '/', 'http://region.invalid');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case 'GET /oauth/connect/authorize':
        return authorize(url, res);
      case 'GET /api/v1/oauth/getUserInfo':
        return json(res, userInfo(url.searchParams.get('code')));
      case 'POST /dev/code':
        return json(res, { code: issueCode() });
    }
    if (['/oauth/connect/authorize', '/api/v1/oauth/getUserInfo', '/dev/code'].includes(url.pathname)) {
      const allow = url.pathname === '/dev/code' ? 'POST' : 'GET';
      return send(res, 405, 'text/plain', `use ${allow}\n`, { Allow: allow });
    }
    next();
  }) as RegionServer;
  middleware.issueCode = issueCode;
  return middleware;
}

/** Serves the region stand-in under `base` on Vite's dev server (`npm start`). */
export function regionServerPlugin(base = '/region', options?: RegionServerOptions): Plugin {
  return {
    name: 'juzi-region-server',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(base, createRegionServer(options));
    },
  };
}

/** The few parts of a Koa context (web-test-runner's server) the adapter uses. */
export interface KoaLikeContext {
  path: string;
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/**
 * The region stand-in as web-test-runner (Koa) middleware under `base`, so browser
 * tests run the real sign-in against it.
 */
export function regionServerKoaMiddleware(base = '/region', options?: RegionServerOptions) {
  const region = createRegionServer(options);
  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (ctx.path !== base && !ctx.path.startsWith(`${base}/`)) return next();
    const { req, res } = ctx;
    const original = req.url ?? '/';
    req.url = original.slice(base.length) || '/';
    let passed = false;
    // Every route answers synchronously, so once region() returns the request is either answered or passed on.
    region(req, res, () => {
      passed = true;
    });
    req.url = original;
    if (passed) return next();
    ctx.respond = false; // answered above, straight on the Node response
    return undefined;
  };
}
