/// <reference types="node" />
// The README's backend example (examples/sign-in-server.mjs, which imports the built
// juzi-elements/oauth) against the local region stand-in: the page's server exchanges
// the code, starts its own session, answers the region's JSON, and a fresh code (what
// sidebarAuth gives) starts a new session once the old one has expired.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createRegionServer, seedUserInfo, type RegionServer } from '../../src/dev/region-server.js';
import { createAuthorizeUrl, createState, fetchUserInfo, JuziError, readAuthCallback } from '../../src/oauth/index.js';

interface SignInExample {
  createSignInHandler(options: {
    regionUrl: string;
    sessionTtl?: number;
    now?: () => number;
  }): (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void>;
}

const SESSION_TTL = 60 * 60 * 1000;

async function listen(handler: RequestListener): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('the backend example (examples/sign-in-server.mjs)', () => {
  let clock: number;
  let region: RegionServer;
  let regionServer: Server;
  let regionUrl: string;
  let pageServer: Server;
  let page: string;
  let handle: ReturnType<SignInExample['createSignInHandler']>;

  before(async () => {
    // A variable path, so TypeScript leaves the plain-JavaScript example to Node.
    const path = '../../examples/sign-in-server.mjs';
    const { createSignInHandler } = (await import(path)) as SignInExample;
    region = createRegionServer({ now: () => clock });
    ({ server: regionServer, origin: regionUrl } = await listen((req, res) => region(req, res, () => res.writeHead(404).end())));
    handle = createSignInHandler({ regionUrl, sessionTtl: SESSION_TTL, now: () => clock });
    ({ server: pageServer, origin: page } = await listen((req, res) => void handle(req, res)));
  });

  after(async () => {
    await close(pageServer);
    await close(regionServer);
  });

  beforeEach(() => {
    clock = 1_700_000_000_000;
  });

  /** What <juzi-auth exchange-url="/api/juzi-login"> does with a code: fetchUserInfo against the page's endpoint. */
  const exchangeAtPage = (code: string) => fetchUserInfo(code, { exchangeUrl: `${page}/api/juzi-login` });

  /** The page's own session check, with the cookie the exchange set. */
  const me = (cookie?: string) => fetch(`${page}/api/me`, { headers: cookie ? { cookie } : {} });

  async function login(code: string): Promise<{ body: unknown; cookie: string }> {
    const res = await fetch(`${page}/api/juzi-login?code=${code}`);
    assert.equal(res.status, 200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^sid=[\w-]{32}; Path=\/; HttpOnly; Secure; SameSite=None; Max-Age=3600$/);
    return { body: await res.json(), cookie: setCookie.split(';')[0]! };
  }

  it('exchanges a redirect sign-in’s code on the server, starts a session, and answers the region’s JSON', async () => {
    const state = createState();
    const authorize = await fetch(createAuthorizeUrl({ regionUrl, redirectUri: `${page}/sidebar`, state }), { redirect: 'manual' });
    const { code } = readAuthCallback(authorize.headers.get('location')!, state)!;

    const { body, cookie } = await login(code);
    assert.deepEqual(body, { errcode: 0, errmsg: '', data: seedUserInfo });
    const res = await me(cookie);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { user: seedUserInfo });
  });

  it('answers in a shape the element reads: fetchUserInfo at exchange-url gives the user', async () => {
    assert.deepEqual(await exchangeAtPage(region.issueCode()), seedUserInfo);
  });

  it('passes the region’s refusals on, so the element names them', async () => {
    const used = region.issueCode();
    await exchangeAtPage(used);
    const expired = region.issueCode();
    clock += 5 * 60 * 1000;
    for (const [code, expected] of [
      [used, 'code-not-found'],
      [expired, 'expired-code'],
      ['not-a-code', 'invalid-code'],
    ] as const) {
      await assert.rejects(exchangeAtPage(code), (error: JuziError) => error.code === expected);
    }
    const noCode = await fetch(`${page}/api/juzi-login`);
    assert.deepEqual(await noCode.json(), { errcode: -1, errmsg: 'invalid-params' });
  });

  it('starts no session for a refused code', async () => {
    const res = await fetch(`${page}/api/juzi-login?code=${'0'.repeat(32)}`);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.deepEqual(await res.json(), { errcode: -4, errmsg: 'code not found' });
  });

  it('refuses /api/me without a session, or with one it never started', async () => {
    assert.equal((await me()).status, 401);
    assert.equal((await me('sid=forged')).status, 401);
  });

  it('answers 401 once the session expires; a fresh code (what sidebarAuth gives) starts a new one', async () => {
    const first = await login(region.issueCode());
    clock += SESSION_TTL;
    const expired = await me(first.cookie);
    assert.equal(expired.status, 401);
    assert.deepEqual(await expired.json(), { error: 'session expired: sign in again' });

    // <juzi-auth mode="sidebar"> on 401: signIn() → sidebarAuth → a new single-use code → the same endpoint.
    const second = await login(region.issueCode());
    assert.notEqual(second.cookie, first.cookie);
    assert.equal((await me(second.cookie)).status, 200);
    assert.equal((await me(first.cookie)).status, 401);
  });

  it('passes other paths to next(), or answers 404 without one', async () => {
    let passed = false;
    await handle({ method: 'GET', url: '/elsewhere', headers: {} } as IncomingMessage, {} as ServerResponse, () => (passed = true));
    assert.ok(passed);
    assert.equal((await fetch(`${page}/elsewhere`)).status, 404);
  });
});
