// juzi-elements/oauth in the browser, against stub fetches and the local region
// stand-in that web-test-runner serves under /region (the one `npm start` serves).
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { seedUserInfo } from '../../src/dev/region-server.js';
import { EXCHANGES_KEY } from '../../src/oauth/exchanges.js';
import {
  createAuthorizeUrl,
  createState,
  fetchUserInfo,
  finishSignIn,
  readAuthCallback,
  startSignIn,
  STATE_STORAGE_KEY,
  type JuziErrorCode,
} from '../../src/oauth/index.js';
import { rejection } from '../helpers.js';

const region = `${location.origin}/region`;

/** A stub fetch answering `body` as JSON (or as is, for a string). */
const answering = (body: unknown, status = 200) =>
  sinon.fake(async (_input: RequestInfo | URL) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

/** Throws synchronously → a rejection, so `rejection()` can read it. */
const attempt = (run: () => unknown) => Promise.resolve().then(run);

/** A code from the region stand-in, via the authorize redirect as a browser would get it. */
async function signInAtRegion(redirectUri: string): Promise<{ callback: URL; state: string }> {
  const state = createState();
  // fetch follows the 302; where it ended up is the callback URL with code and state.
  const res = await fetch(createAuthorizeUrl({ regionUrl: region, redirectUri, state }));
  return { callback: new URL(res.url), state };
}

describe('juzi-elements/oauth (browser)', () => {
  afterEach(() => sinon.restore());

  describe('createState', () => {
    it('makes 32 characters of [A-Za-z0-9], different each time', () => {
      const states = Array.from({ length: 500 }, () => createState());
      for (const state of states) expect(state).to.match(/^[A-Za-z0-9]{32}$/);
      expect(new Set(states).size).to.equal(states.length);
    });
  });

  describe('createAuthorizeUrl', () => {
    it('builds the authorize URL with redirect_uri encoded', () => {
      const url = createAuthorizeUrl({ regionUrl: 'https://hub.juzibot.com', redirectUri: 'https://p.example/a?b=1', state: 'S1' });
      expect(url).to.equal(
        'https://hub.juzibot.com/oauth/connect/authorize?redirect_uri=https%3A%2F%2Fp.example%2Fa%3Fb%3D1&state=S1',
      );
    });

    it('accepts this dev server (http on localhost) as the region', () => {
      const url = new URL(createAuthorizeUrl({ regionUrl: `${region}/`, redirectUri: location.href, state: 'S' }));
      expect(url.pathname).to.equal('/region/oauth/connect/authorize');
      expect(url.searchParams.get('redirect_uri')).to.equal(location.href);
    });

    const refused: [string, Parameters<typeof createAuthorizeUrl>[0], string][] = [
      ['a non-https region', { regionUrl: 'http://hub.juzibot.com', redirectUri: 'https://p.example/', state: 'S' }, 'regionUrl'],
      ['a relative redirect', { regionUrl: 'https://hub.juzibot.com', redirectUri: 'sidebar.html', state: 'S' }, 'redirectUri'],
      ['a bad state', { regionUrl: 'https://hub.juzibot.com', redirectUri: 'https://p.example/', state: 'no spaces' }, 'state'],
    ];
    for (const [name, options, field] of refused) {
      it(`refuses ${name} with invalid-params`, async () => {
        const error = await rejection(attempt(() => createAuthorizeUrl(options)));
        expect(error).to.include({ code: 'invalid-params', api: 'oauth' });
        expect(error.issues!.map((i) => i.path.join('.'))).to.deep.equal([field]);
      });
    }
  });

  describe('readAuthCallback', () => {
    it('reads a relative URL against this page', () => {
      expect(readAuthCallback('?code=C&state=S', 'S')).to.deep.equal({ code: 'C', state: 'S' });
    });

    it('answers null when the page is not a callback', () => {
      expect(readAuthCallback(location.href, 'S')).to.equal(null);
    });

    it('refuses a state that is not the one sent with state-mismatch', async () => {
      const error = await rejection(attempt(() => readAuthCallback('?code=C&state=EVIL', 'S')));
      expect(error).to.include({ code: 'state-mismatch', api: 'oauth' });
    });
  });

  describe('fetchUserInfo', () => {
    it('exchanges a code issued by the region stand-in for the seed user, once', async () => {
      // Back to this very page, as <juzi-auth>'s default redirect does.
      const { callback, state } = await signInAtRegion(location.href);
      expect(callback.href.startsWith(`${location.href}${location.search ? '&' : '?'}code=`)).to.be.true;
      const { code } = readAuthCallback(callback, state)!;
      expect(await fetchUserInfo(code, { regionUrl: region })).to.deep.equal(seedUserInfo);
      const again = await rejection(fetchUserInfo(code, { regionUrl: region }));
      expect(again).to.include({ code: 'code-not-found', api: 'oauth', errMsg: 'code not found' });
    });

    it('answers a malformed code with invalid-code', async () => {
      expect((await rejection(fetchUserInfo('sim-0123', { regionUrl: region }))).code).to.equal('invalid-code');
    });

    it('resolves a relative exchangeUrl against the page and appends the code', async () => {
      const fetch = answering({ errcode: 0, errmsg: '', data: seedUserInfo });
      await fetchUserInfo('C 1', { exchangeUrl: 'api/exchange?x=1', fetch });
      expect(String(fetch.firstCall.args[0])).to.equal(new URL('api/exchange?x=1&code=C+1', location.href).href);
    });

    const errcodes: [number, JuziErrorCode][] = [
      [-1, 'invalid-code'],
      [-2, 'expired-code'],
      [-4, 'code-not-found'],
      [-5, 'unknown'],
    ];
    for (const [errcode, code] of errcodes) {
      it(`maps errcode ${errcode} to ${code}`, async () => {
        const fetch = answering({ errcode, errmsg: 'why' });
        const error = await rejection(fetchUserInfo('C', { regionUrl: region, fetch }));
        expect(error).to.include({ code, api: 'oauth', errMsg: 'why' });
      });
    }

    it('reports a failed request as network', async () => {
      const fetch = sinon.fake.rejects(new TypeError('Failed to fetch'));
      expect((await rejection(fetchUserInfo('C', { regionUrl: region, fetch }))).code).to.equal('network');
    });

    it('reports HTML where JSON belongs as invalid-response', async () => {
      const fetch = answering('<!doctype html><title>login</title>');
      expect((await rejection(fetchUserInfo('C', { regionUrl: region, fetch }))).code).to.equal('invalid-response');
    });

    it('gives up a request with no answer after `timeout` ms: network, saying so, and aborts it', async () => {
      let signal: AbortSignal | undefined;
      const fetch = sinon.fake((_input: RequestInfo | URL, init?: RequestInit) => {
        signal = init?.signal ?? undefined;
        return new Promise<Response>(() => {});
      });
      const error = await rejection(fetchUserInfo('C', { regionUrl: region, fetch, timeout: 50 }));
      expect(error).to.include({ code: 'network', api: 'oauth' });
      expect(error.message).to.equal('oauth: network (no answer within 50 ms)');
      expect(signal?.aborted).to.be.true;
    });

    it('waits 10 s by default', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const fetch = sinon.fake(() => new Promise<Response>(() => {}));
      let settled = false;
      const outcome = rejection(fetchUserInfo('C', { regionUrl: region, fetch })).finally(() => (settled = true));
      await clock.tickAsync(9_999);
      expect(settled).to.be.false;
      await clock.tickAsync(1);
      expect((await outcome).message).to.contain('no answer within 10000 ms');
    });

    it('counts a body that never finishes against the timeout too', async () => {
      const stalled = new Response(new ReadableStream({ start: () => {} }));
      const fetch = sinon.fake.resolves(stalled);
      expect((await rejection(fetchUserInfo('C', { regionUrl: region, fetch, timeout: 50 }))).code).to.equal('network');
    });

    for (const timeout of [0, -1, 1.5, 2 ** 31, Number.NaN]) {
      it(`refuses a timeout of ${timeout} with invalid-params, sending nothing`, async () => {
        const fetch = answering({});
        const error = await rejection(fetchUserInfo('C', { regionUrl: region, fetch, timeout }));
        expect(error).to.include({ code: 'invalid-params', api: 'oauth' });
        expect(error.issues!.map((i) => i.path.join('.'))).to.deep.equal(['timeout']);
        expect(fetch.called).to.be.false;
      });
    }

    it('refuses a plain-http exchangeUrl on another host, and takes https anywhere', async () => {
      const fetch = answering({ errcode: 0, errmsg: '', data: seedUserInfo });
      const error = await rejection(fetchUserInfo('C', { exchangeUrl: 'http://exchange.example/login', fetch }));
      expect(error.issues!.map((i) => i.path.join('.'))).to.deep.equal(['exchangeUrl']);
      expect(fetch.called).to.be.false;
      await fetchUserInfo('C', { exchangeUrl: 'https://exchange.example/login', fetch });
      expect(String(fetch.firstCall.args[0])).to.equal('https://exchange.example/login?code=C');
    });

    it('refuses a blank code without a request', async () => {
      const fetch = answering({});
      expect((await rejection(fetchUserInfo('', { regionUrl: region, fetch }))).code).to.equal('invalid-params');
      expect(fetch.called).to.be.false;
    });
  });
});

describe('startSignIn and finishSignIn (the redirect flow without the element)', () => {
  const home = location.href;
  const homeState: unknown = history.state;
  const callback = (code: string, state: string) => {
    const url = new URL(home);
    url.searchParams.set('code', code);
    url.searchParams.set('state', state);
    return url.href;
  };
  /** Coming back from the region is a new page load: no exchanges yet, at `url`. */
  const comeBack = (url: string) => {
    delete (globalThis as Record<symbol, unknown>)[EXCHANGES_KEY];
    history.replaceState(null, '', url);
  };

  afterEach(() => {
    sinon.restore();
    history.replaceState(homeState, '', home);
    sessionStorage.removeItem(STATE_STORAGE_KEY);
    delete (globalThis as Record<symbol, unknown>)[EXCHANGES_KEY];
  });

  it('runs the whole sign-in against the region stand-in: the address bar is clean before the one exchange', async () => {
    const url = startSignIn({ regionUrl: region });
    const state = new URL(url).searchParams.get('state');
    expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(state);
    const back = await fetch(url); // what the browser does: follow the region back here
    comeBack(back.url);

    const requests = sinon.spy(window, 'fetch');
    const signedIn = finishSignIn({ regionUrl: region });
    expect(location.href).to.equal(home);
    expect(requests.called).to.be.false; // the exchange starts after replaceState
    expect(finishSignIn({ regionUrl: region })).to.equal(signedIn); // a second caller joins it
    expect(await signedIn).to.deep.equal(seedUserInfo);
    expect(requests.callCount).to.equal(1);
    expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null);
  });

  it('sends this page back as redirect_uri, without code, state or fragment', () => {
    history.replaceState(null, '', `${callback('OLD', 'OLD')}&tab=a#part`);
    const redirect = new URL(new URL(startSignIn({ regionUrl: region })).searchParams.get('redirect_uri')!);
    expect(redirect.hash).to.equal('');
    expect([...redirect.searchParams.keys()].filter((k) => k === 'code' || k === 'state')).to.deep.equal([]);
    expect(redirect.searchParams.get('tab')).to.equal('a');
  });

  it('answers null for a callback this tab did not start, and leaves the address bar alone', () => {
    const theirs = callback('WECOM', 'their-state');
    comeBack(theirs);
    const requests = sinon.spy(window, 'fetch');
    expect(finishSignIn({ regionUrl: region })).to.equal(null);
    expect(location.href).to.equal(theirs);
    expect(requests.called).to.be.false;
  });

  it('answers null when this page load is not a callback, keeping the pending state', () => {
    sessionStorage.setItem(STATE_STORAGE_KEY, 'S1');
    comeBack(`${home}${home.includes('?') ? '&' : '?'}code=SPRING-SALE`);
    expect(finishSignIn({ regionUrl: region })).to.equal(null);
    expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal('S1');
  });

  it('rejects another state while a sign-in is pending with state-mismatch, cleaning the address bar', async () => {
    sessionStorage.setItem(STATE_STORAGE_KEY, 'S1');
    comeBack(callback('C1', 'FORGED'));
    const fetch = answering({ errcode: 0, errmsg: '', data: seedUserInfo });
    const outcome = finishSignIn({ regionUrl: region, fetch })!;
    expect(location.href).to.equal(home);
    expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null);
    expect(await rejection(outcome)).to.include({ code: 'state-mismatch', api: 'oauth' });
    expect(fetch.called).to.be.false;
  });

  it('answers null when sessionStorage cannot be read (no sign-in could have started here)', () => {
    const theirs = callback('C1', 'S1');
    comeBack(theirs);
    sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('insecure', 'SecurityError'));
    expect(finishSignIn({ regionUrl: region })).to.equal(null);
    expect(location.href).to.equal(theirs);
  });

  it('refuses blocked sessionStorage with storage-unavailable', async () => {
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('quota', 'QuotaExceededError'));
    const error = await rejection(attempt(() => startSignIn({ regionUrl: region })));
    expect(error).to.include({ code: 'storage-unavailable', api: 'oauth' });
    expect(error.cause).to.be.instanceOf(DOMException);
  });

  it('refuses a bad region with invalid-params, keeping no state', async () => {
    const error = await rejection(attempt(() => startSignIn({ regionUrl: 'http://hub.example.com' })));
    expect(error.issues!.map((i) => i.path.join('.'))).to.deep.equal(['regionUrl']);
    expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null);
  });
});
