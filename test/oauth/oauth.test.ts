// juzi-elements/oauth in the browser, against stub fetches and the local region
// stand-in that web-test-runner serves under /region (the one `npm start` serves).
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { seedUserInfo } from '../../src/dev/region-server.js';
import {
  createAuthorizeUrl,
  createState,
  fetchUserInfo,
  readAuthCallback,
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

    it('refuses a blank code without a request', async () => {
      const fetch = answering({});
      expect((await rejection(fetchUserInfo('', { regionUrl: region, fetch }))).code).to.equal('invalid-params');
      expect(fetch.called).to.be.false;
    });
  });
});
