/// <reference types="node" />
// juzi-elements/oauth on Node 20 (a page's own server exchanging codes), and the
// region stand-in that `npm start` and the browser tests use. Run: npx tsx --test test/node/*.test.ts
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createRegionServer, seedUserInfo, type RegionServer } from '../../src/dev/region-server.js';
import {
  createAuthorizeUrl,
  createState,
  fetchUserInfo,
  finishSignIn,
  isJuziError,
  JuziError,
  readAuthCallback,
  startSignIn,
  STATE_STORAGE_KEY,
  type JuziErrorCode,
} from '../../src/oauth/index.js';
import { EXCHANGES_KEY } from '../../src/oauth/exchanges.js';

/** The JuziError `run` rejects or throws with. */
async function failure(run: () => unknown): Promise<JuziError> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof JuziError, `expected a JuziError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure, but it succeeded');
}

/** A fetch that answers `body` (JSON unless a string) and records each URL asked. */
function answering(body: unknown, status = 200) {
  const urls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    urls.push(String(input));
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as typeof globalThis.fetch;
  return { fetch, urls };
}

const seedJson = {
  errcode: 0,
  errmsg: '',
  data: {
    userId: 'userId',
    corpId: 'ww5ecc1acd5dce6e9d',
    botId: '647844cd6059597fc5c79f38',
    orgId: '644a448ab93794cbdccf93cb',
    uid: '644a448ab93794cbdccf93ca',
    email: 'donghao_12_15@163.com',
    name: '句子',
  },
};

describe('juzi-elements/oauth on Node', () => {
  describe('createState', () => {
    it('makes 32 characters of [A-Za-z0-9], different each time', () => {
      const states = Array.from({ length: 2000 }, () => createState());
      for (const state of states) assert.match(state, /^[A-Za-z0-9]{32}$/);
      assert.equal(new Set(states).size, states.length);
    });

    it('draws from the whole alphabet', () => {
      const seen = new Set(Array.from({ length: 500 }, () => createState()).join(''));
      assert.equal(seen.size, 62);
    });
  });

  describe('createAuthorizeUrl', () => {
    it('builds {region}/oauth/connect/authorize with the redirect URL-encoded and the state', () => {
      const url = createAuthorizeUrl({
        regionUrl: 'https://hub.juzibot.com/',
        redirectUri: 'https://page.example/sidebar?tab=a b&x=1#ignored',
        state: 'abc123',
      });
      assert.ok(url.startsWith('https://hub.juzibot.com/oauth/connect/authorize?redirect_uri=https%3A%2F%2Fpage.example%2Fsidebar%3Ftab'));
      const parsed = new URL(url);
      assert.equal(parsed.searchParams.get('redirect_uri'), 'https://page.example/sidebar?tab=a b&x=1#ignored');
      assert.equal(parsed.searchParams.get('state'), 'abc123');
      assert.deepEqual([...parsed.searchParams.keys()], ['redirect_uri', 'state']);
    });

    it('keeps a path in the region URL', () => {
      const url = createAuthorizeUrl({ regionUrl: 'http://localhost:5173/region', redirectUri: 'http://localhost:5173/', state: 'S' });
      assert.equal(new URL(url).pathname, '/region/oauth/connect/authorize');
    });

    it('allows http only for localhost, 127.0.0.1 and [::1]', () => {
      for (const regionUrl of ['http://localhost', 'http://127.0.0.1:8000', 'http://[::1]:3000/r']) {
        assert.doesNotThrow(() => createAuthorizeUrl({ regionUrl, redirectUri: 'https://p.example/', state: 'S' }));
      }
    });

    const refused: [string, Parameters<typeof createAuthorizeUrl>[0], string][] = [
      ['an http region', { regionUrl: 'http://hub.juzibot.com', redirectUri: 'https://p.example/', state: 'S' }, 'regionUrl'],
      ['a region posing as localhost', { regionUrl: 'http://localhost.evil.example', redirectUri: 'https://p.example/', state: 'S' }, 'regionUrl'],
      ['a relative region', { regionUrl: '/region', redirectUri: 'https://p.example/', state: 'S' }, 'regionUrl'],
      ['a missing region', { regionUrl: '', redirectUri: 'https://p.example/', state: 'S' }, 'regionUrl'],
      ['a relative redirect', { regionUrl: 'https://hub.juzibot.com', redirectUri: '/sidebar', state: 'S' }, 'redirectUri'],
      ['a protocol-relative redirect', { regionUrl: 'https://hub.juzibot.com', redirectUri: '//evil.example/', state: 'S' }, 'redirectUri'],
      ['a javascript: redirect', { regionUrl: 'https://hub.juzibot.com', redirectUri: 'javascript:alert(1)', state: 'S' }, 'redirectUri'],
      ['an empty state', { regionUrl: 'https://hub.juzibot.com', redirectUri: 'https://p.example/', state: '' }, 'state'],
      ['a state with a dash', { regionUrl: 'https://hub.juzibot.com', redirectUri: 'https://p.example/', state: 'a-b' }, 'state'],
      ['a state of 129 characters', { regionUrl: 'https://hub.juzibot.com', redirectUri: 'https://p.example/', state: 'a'.repeat(129) }, 'state'],
    ];
    for (const [name, options, field] of refused) {
      it(`refuses ${name} with invalid-params on ${field}`, async () => {
        const error = await failure(() => createAuthorizeUrl(options));
        assert.equal(error.code, 'invalid-params');
        assert.equal(error.api, 'oauth');
        assert.deepEqual(error.issues?.map((i) => i.path.join('.')), [field]);
      });
    }

    it('accepts a state of 128 characters', () => {
      const state = 'a'.repeat(128);
      const url = createAuthorizeUrl({ regionUrl: 'https://hub.juzibot.com', redirectUri: 'https://p.example/', state });
      assert.equal(new URL(url).searchParams.get('state'), state);
    });
  });

  describe('readAuthCallback', () => {
    it('answers the code and state when the state is the expected one', () => {
      assert.deepEqual(readAuthCallback('https://p.example/?a=1&code=C0de&state=S1', 'S1'), { code: 'C0de', state: 'S1' });
    });

    it('answers null for a URL that is not a callback', () => {
      assert.equal(readAuthCallback(new URL('https://p.example/?a=1'), 'S1'), null);
    });

    it('refuses another state with state-mismatch', async () => {
      const error = await failure(() => readAuthCallback('https://p.example/?code=C&state=S2', 'S1'));
      assert.equal(error.code, 'state-mismatch');
      assert.equal(error.api, 'oauth');
    });

    it('refuses any callback when no state was expected', async () => {
      for (const expected of [null, undefined, '']) {
        assert.equal((await failure(() => readAuthCallback('https://p.example/?code=C&state=S', expected))).code, 'state-mismatch');
      }
    });

    it('refuses a callback without a state', async () => {
      assert.equal((await failure(() => readAuthCallback('https://p.example/?code=C', 'S'))).code, 'state-mismatch');
    });

    it('refuses a callback with the state but no code as invalid-code', async () => {
      assert.equal((await failure(() => readAuthCallback('https://p.example/?state=S', 'S'))).code, 'invalid-code');
    });

    it('refuses a relative URL (there is no page to resolve it against) with invalid-params', async () => {
      assert.equal((await failure(() => readAuthCallback('/?code=C&state=S', 'S'))).code, 'invalid-params');
    });
  });

  describe('fetchUserInfo with a stub fetch', () => {
    it('GETs {region}/api/v1/oauth/getUserInfo?code= and answers the user', async () => {
      const { fetch, urls } = answering(seedJson);
      const user = await fetchUserInfo('c o&de', { regionUrl: 'https://hub.juzibot.com/' }, { fetch });
      assert.deepEqual(user, seedJson.data);
      assert.deepEqual(urls, ['https://hub.juzibot.com/api/v1/oauth/getUserInfo?code=c+o%26de']);
    });

    it('takes fetch inside the one options object too', async () => {
      const { fetch, urls } = answering(seedJson);
      await fetchUserInfo('C', { regionUrl: 'https://hub.juzibot.com', fetch });
      assert.equal(urls.length, 1);
    });

    it('adds the code to an exchangeUrl, keeping its own query', async () => {
      const { fetch, urls } = answering(seedJson);
      await fetchUserInfo('C1', { exchangeUrl: 'https://page.example/api/juzi-login?tenant=a%20b', fetch });
      const asked = new URL(urls[0]!);
      assert.equal(`${asked.origin}${asked.pathname}`, 'https://page.example/api/juzi-login');
      assert.deepEqual([...asked.searchParams], [['tenant', 'a b'], ['code', 'C1']]);
    });

    it('drops a null email and name, and fields it does not know', async () => {
      const { fetch } = answering({ ...seedJson, data: { ...seedJson.data, email: null, name: null, extra: 1 } });
      const user = await fetchUserInfo('C', { regionUrl: 'https://hub.juzibot.com', fetch });
      assert.deepEqual(user, { userId: 'userId', corpId: 'ww5ecc1acd5dce6e9d', botId: '647844cd6059597fc5c79f38', orgId: '644a448ab93794cbdccf93cb', uid: '644a448ab93794cbdccf93ca' });
    });

    const errcodes: [number, JuziErrorCode][] = [
      [-1, 'invalid-code'],
      [-2, 'expired-code'],
      [-4, 'code-not-found'],
      [-5, 'unknown'],
      [-3, 'unknown'],
      [42, 'unknown'],
    ];
    for (const [errcode, code] of errcodes) {
      it(`maps errcode ${errcode} to ${code}, keeping errmsg`, async () => {
        const { fetch } = answering({ errcode, errmsg: `words ${errcode}` });
        const error = await failure(() => fetchUserInfo('C', { regionUrl: 'https://hub.juzibot.com', fetch }));
        assert.equal(error.code, code);
        assert.equal(error.api, 'oauth');
        assert.equal(error.errMsg, `words ${errcode}`);
      });
    }

    it('maps an errcode in an HTTP error answer too', async () => {
      const { fetch } = answering({ errcode: -2, errmsg: 'expired' }, 400);
      assert.equal((await failure(() => fetchUserInfo('C', { regionUrl: 'https://hub.juzibot.com', fetch }))).code, 'expired-code');
    });

    it('reports a failed request as network, without the code in the message', async () => {
      const fetch = (async () => {
        throw new TypeError('fetch failed');
      }) as typeof globalThis.fetch;
      const error = await failure(() => fetchUserInfo('SECRETCODE', { regionUrl: 'https://hub.juzibot.com', fetch }));
      assert.equal(error.code, 'network');
      assert.equal(error.api, 'oauth');
      assert.ok(error.cause instanceof TypeError);
      assert.ok(!error.message.includes('SECRETCODE'));
    });

    it('reports a non-JSON answer as invalid-response', async () => {
      const { fetch } = answering('<html>502 Bad Gateway</html>', 502);
      const error = await failure(() => fetchUserInfo('C', { regionUrl: 'https://hub.juzibot.com', fetch }));
      assert.equal(error.code, 'invalid-response');
    });

    it('reports a wrong shape as invalid-response, naming the fields', async () => {
      const { fetch } = answering({ errcode: 0, errmsg: '', data: { ...seedJson.data, userId: 7, uid: undefined } });
      const error = await failure(() => fetchUserInfo('C', { regionUrl: 'https://hub.juzibot.com', fetch }));
      assert.equal(error.code, 'invalid-response');
      assert.deepEqual(error.issues?.map((i) => i.path.join('.')).sort(), ['data.uid', 'data.userId']);
    });

    it('reports an answer without errcode, or a success without data, as invalid-response', async () => {
      for (const body of [{ data: seedJson.data }, { errcode: 0, errmsg: '', data: null }]) {
        const { fetch } = answering(body);
        assert.equal((await failure(() => fetchUserInfo('C', { regionUrl: 'https://hub.juzibot.com', fetch }))).code, 'invalid-response');
      }
    });

    const refusals: [string, () => Promise<unknown>][] = [
      ['a blank code', () => fetchUserInfo('  ', { regionUrl: 'https://hub.juzibot.com' })],
      ['no endpoint', () => fetchUserInfo('C', {} as never)],
      ['an http region', () => fetchUserInfo('C', { regionUrl: 'http://hub.juzibot.com' })],
      ['a relative exchangeUrl with no page', () => fetchUserInfo('C', { exchangeUrl: '/exchange' })],
      ['a javascript: exchangeUrl', () => fetchUserInfo('C', { exchangeUrl: 'javascript:alert(1)' })],
    ];
    for (const [name, run] of refusals) {
      it(`refuses ${name} with invalid-params, sending nothing`, async () => {
        const error = await failure(run);
        assert.equal(error.code, 'invalid-params');
        assert.equal(error.api, 'oauth');
        assert.ok(isJuziError(error));
      });
    }
  });

  describe('the region server', () => {
    let clock: number;
    let region: RegionServer;
    let server: Server;
    let origin: string;

    before(async () => {
      region = createRegionServer({ now: () => clock, ttl: 5 * 60 * 1000 });
      server = createServer((req, res) =>
        region(req, res, () => {
          res.statusCode = 404;
          res.end('not the region');
        }),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    beforeEach(() => {
      clock = 1_700_000_000_000;
    });

    /** Signs in the way a browser would, and answers where the region sent it back to. */
    async function authorize(redirectUri: string, state = createState()): Promise<{ location: URL; state: string }> {
      const res = await fetch(createAuthorizeUrl({ regionUrl: origin, redirectUri, state }), { redirect: 'manual' });
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      return { location: new URL(res.headers.get('location') ?? ''), state };
    }

    it('runs the whole sign-in: authorize, callback, exchange', async () => {
      const { location, state } = await authorize('https://page.example/sidebar?tab=a%20b');
      assert.equal(`${location.origin}${location.pathname}`, 'https://page.example/sidebar');
      assert.equal(location.search.split('&')[0], '?tab=a%20b');
      const callback = readAuthCallback(location, state);
      assert.ok(callback);
      assert.match(callback.code, /^[0-9a-f]{32}$/);
      assert.deepEqual(await fetchUserInfo(callback.code, { regionUrl: origin }), seedUserInfo);
    });

    it("answers exactly the seed's JSON", async () => {
      const res = await fetch(`${origin}/api/v1/oauth/getUserInfo?code=${region.issueCode()}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(await res.json(), seedJson);
    });

    it('answers a used code with -4: a code works once', async () => {
      const code = region.issueCode();
      await fetchUserInfo(code, { regionUrl: origin });
      const error = await failure(() => fetchUserInfo(code, { regionUrl: origin }));
      assert.equal(error.code, 'code-not-found');
      assert.equal(error.errMsg, 'code not found');
    });

    it('answers a code at 5 minutes with -2, and one a moment younger with the user', async () => {
      const young = region.issueCode();
      const old = region.issueCode();
      clock += 5 * 60 * 1000 - 1;
      assert.equal((await fetchUserInfo(young, { regionUrl: origin })).uid, seedUserInfo.uid);
      clock += 1;
      const error = await failure(() => fetchUserInfo(old, { regionUrl: origin }));
      assert.equal(error.code, 'expired-code');
      assert.equal(error.errMsg, 'code expired');
    });

    it('answers a malformed code with -1 and an unknown one with -4', async () => {
      assert.equal((await failure(() => fetchUserInfo('sim-123', { regionUrl: origin }))).code, 'invalid-code');
      assert.equal((await failure(() => fetchUserInfo('0'.repeat(32), { regionUrl: origin }))).code, 'code-not-found');
      const raw = await (await fetch(`${origin}/api/v1/oauth/getUserInfo`)).json();
      assert.deepEqual(raw, { errcode: -1, errmsg: 'invalid code' });
    });

    it('issues a code without a redirect on POST /dev/code, for a stand-in sidebarAuth', async () => {
      const { code } = (await (await fetch(`${origin}/dev/code`, { method: 'POST' })).json()) as { code: string };
      assert.deepEqual(await fetchUserInfo(code, { regionUrl: origin }), seedUserInfo);
    });

    it('signs in as the configured agent', async () => {
      const other = createRegionServer({ user: { ...seedUserInfo, name: 'Alice', email: undefined } });
      let body = '';
      const res = {
        statusCode: 0,
        setHeader() {},
        end(text: string) {
          body = text;
        },
      };
      other({ url: `/api/v1/oauth/getUserInfo?code=${other.issueCode()}`, method: 'GET' } as never, res as never, () => {});
      assert.equal(JSON.parse(body).data.name, 'Alice');
    });

    const badAuthorize: [string, string][] = [
      ['no redirect_uri', '/oauth/connect/authorize?state=S'],
      ['a relative redirect_uri', '/oauth/connect/authorize?redirect_uri=%2Fx&state=S'],
      ['a javascript: redirect_uri', '/oauth/connect/authorize?redirect_uri=javascript%3Aalert(1)&state=S'],
      ['a bad state', '/oauth/connect/authorize?redirect_uri=https%3A%2F%2Fp.example%2F&state=a-b'],
    ];
    for (const [name, path] of badAuthorize) {
      it(`answers 400 to an authorize with ${name}`, async () => {
        const res = await fetch(`${origin}${path}`, { redirect: 'manual' });
        assert.equal(res.status, 400);
        assert.equal(res.headers.get('location'), null);
      });
    }

    it('answers 405 to the wrong method and passes other paths on', async () => {
      assert.equal((await fetch(`${origin}/api/v1/oauth/getUserInfo?code=x`, { method: 'POST' })).status, 405);
      assert.equal((await fetch(`${origin}/dev/code`)).status, 405);
      const other = await fetch(`${origin}/elsewhere`);
      assert.equal(other.status, 404);
      assert.equal(await other.text(), 'not the region');
    });

    it('gives up on a region that never answers after `timeout` ms, as network, and drops the request', async () => {
      let dropped!: () => void;
      const droppedRequest = new Promise<void>((resolve) => (dropped = resolve));
      const silent = createServer((req) => req.socket.on('close', dropped));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const started = Date.now();
      try {
        const error = await failure(() =>
          fetchUserInfo('C', { regionUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeout: 200 }),
        );
        assert.equal(error.code, 'network');
        assert.equal(error.message, 'oauth: network (no answer within 200 ms)');
        assert.ok(Date.now() - started < 2000);
        // Aborted, not left hanging.
        const leftOpen = new Promise((_resolve, reject) => setTimeout(() => reject(new Error('the request was left open')), 2000).unref());
        await Promise.race([droppedRequest, leftOpen]);
      } finally {
        silent.closeAllConnections();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });

    it('reports a closed server as network', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      assert.equal((await failure(() => fetchUserInfo('C', { regionUrl: `http://127.0.0.1:${port}` }))).code, 'network');
    });
  });
});

/** Stands in for a browser page at `href`: location, history and sessionStorage on globalThis. */
function installPage(href: string, storage: Map<string, string> | 'blocked' = new Map()) {
  let current = new URL(href);
  const page = globalThis as Record<string, unknown>;
  page.location = {
    get href() {
      return current.href;
    },
    get origin() {
      return current.origin;
    },
  };
  page.history = { state: null, replaceState: (_state: unknown, _title: string, url: string | URL) => (current = new URL(url, current)) };
  page.sessionStorage =
    storage === 'blocked'
      ? new Proxy({}, { get: () => () => { throw new Error('SecurityError'); } })
      : {
          getItem: (key: string) => storage.get(key) ?? null,
          setItem: (key: string, value: string) => void storage.set(key, value),
          removeItem: (key: string) => void storage.delete(key),
        };
  return {
    get href() {
      return current.href;
    },
    remove() {
      for (const key of ['location', 'history', 'sessionStorage']) delete page[key];
      delete (globalThis as Record<symbol, unknown>)[EXCHANGES_KEY];
    },
  };
}

describe('startSignIn and finishSignIn on Node (no page)', () => {
  it('refuses startSignIn without a redirectUri, and without sessionStorage', async () => {
    assert.equal((await failure(() => startSignIn({ regionUrl: 'https://hub.juzibot.com' }))).code, 'invalid-params');
    const error = await failure(() => startSignIn({ regionUrl: 'https://hub.juzibot.com', redirectUri: 'https://p.example/' }));
    assert.equal(error.code, 'storage-unavailable');
    assert.equal(error.api, 'oauth');
  });

  it('answers null from finishSignIn where there is no page', () => {
    assert.equal(finishSignIn({ regionUrl: 'https://hub.juzibot.com' }), null);
  });
});

describe('startSignIn and finishSignIn with a page stand-in', () => {
  let page: ReturnType<typeof installPage> | undefined;
  const seedFetch = answering(seedJson);

  after(() => page?.remove());

  const at = (href: string, storage?: Map<string, string> | 'blocked') => {
    page?.remove();
    page = installPage(href, storage);
    return page;
  };

  it('keeps the state, then takes only its own callback, cleaning the address bar before the one exchange', async () => {
    const storage = new Map<string, string>();
    at('https://page.example/sidebar?tab=a#top', storage);
    const url = new URL(startSignIn({ regionUrl: 'https://hub.juzibot.com' }));
    assert.equal(url.searchParams.get('redirect_uri'), 'https://page.example/sidebar?tab=a');
    const state = url.searchParams.get('state')!;
    assert.equal(storage.get(STATE_STORAGE_KEY), state);

    const back = at(`https://page.example/sidebar?tab=a&code=C1&state=${state}`, storage);
    const { fetch, urls } = answering(seedJson);
    const signedIn = finishSignIn({ regionUrl: 'https://hub.juzibot.com', fetch });
    assert.equal(back.href, 'https://page.example/sidebar?tab=a');
    assert.equal(urls.length, 0);
    assert.equal(finishSignIn({ regionUrl: 'https://hub.juzibot.com', fetch }), signedIn);
    assert.deepEqual(await signedIn, seedJson.data);
    assert.deepEqual(urls, ['https://hub.juzibot.com/api/v1/oauth/getUserInfo?code=C1']);
    assert.equal(storage.has(STATE_STORAGE_KEY), false);
  });

  it('leaves a callback it did not start alone', () => {
    const theirs = at('https://page.example/?code=WECOM&state=theirs');
    assert.equal(finishSignIn({ regionUrl: 'https://hub.juzibot.com', fetch: seedFetch.fetch }), null);
    assert.equal(theirs.href, 'https://page.example/?code=WECOM&state=theirs');
  });

  it('leaves it alone too when storage is blocked', () => {
    const theirs = at('https://page.example/?code=C&state=S', 'blocked');
    assert.equal(finishSignIn({ regionUrl: 'https://hub.juzibot.com' }), null);
    assert.equal(theirs.href, 'https://page.example/?code=C&state=S');
  });

  it('rejects another state with state-mismatch while one is pending, and removes it from the address bar', async () => {
    const back = at('https://page.example/?code=C&state=FORGED', new Map([[STATE_STORAGE_KEY, 'S1']]));
    const { fetch, urls } = answering(seedJson);
    const error = await failure(() => finishSignIn({ regionUrl: 'https://hub.juzibot.com', fetch }));
    assert.equal(error.code, 'state-mismatch');
    assert.equal(back.href, 'https://page.example/');
    assert.deepEqual(urls, []);
  });

  it('takes a same-origin exchangeUrl on an http page, and refuses http on another host', async () => {
    at('http://intranet.example/sidebar');
    const { fetch, urls } = answering(seedJson);
    await fetchUserInfo('C', { exchangeUrl: '/api/juzi-login', fetch });
    assert.deepEqual(urls, ['http://intranet.example/api/juzi-login?code=C']);
    const error = await failure(() => fetchUserInfo('C', { exchangeUrl: 'http://other.example/api/juzi-login', fetch }));
    assert.equal(error.code, 'invalid-params');
    assert.deepEqual(error.issues?.map((i) => i.path.join('.')), ['exchangeUrl']);
    assert.equal(urls.length, 1);
  });
});

describe('exchangeUrl on Node', () => {
  it('follows the region’s rule: https, or http only on localhost', async () => {
    const { fetch, urls } = answering(seedJson);
    await fetchUserInfo('C', { exchangeUrl: 'http://127.0.0.1:3000/api/juzi-login', fetch });
    await fetchUserInfo('C', { exchangeUrl: 'https://page.example/api/juzi-login', fetch });
    assert.equal(urls.length, 2);
    const error = await failure(() => fetchUserInfo('C', { exchangeUrl: 'http://page.example/api/juzi-login', fetch }));
    assert.equal(error.code, 'invalid-params');
    assert.deepEqual(error.issues?.map((i) => i.path.join('.')), ['exchangeUrl']);
    assert.equal(urls.length, 2);
  });
});
