// A page's own sign-in endpoint, for Node 20 with no framework. The page says
//   <juzi-auth region-url="https://hub.juzibot.com" exchange-url="/api/juzi-login">
// so the single-use code comes here instead of to the region. The server exchanges it
// itself (the browser never sees the region's answer it could forge), starts its own
// session, and answers the region's JSON so <juzi-auth> reads it as usual.
//   JUZI_REGION_URL=https://hub.juzibot.com PORT=3000 node examples/sign-in-server.mjs
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { fetchUserInfo, isJuziError } from 'juzi-elements/oauth';

/** The region's errcodes, passed on so the element names the same failure. */
const ERRCODES = { 'invalid-params': -1, 'invalid-code': -1, 'expired-code': -2, 'code-not-found': -4 };

/**
 * `(req, res, next?)` serving `GET /api/juzi-login?code=…` (exchange, start a session)
 * and `GET /api/me` (who this session is, or 401 once it has expired).
 */
export function createSignInHandler({ regionUrl, sessionTtl = 8 * 60 * 60 * 1000, now = Date.now }) {
  const sessions = new Map(); // session id → { user, expires }

  return async function handle(req, res, next) {
    const url = new URL(req.url ?? '/', 'http://page.invalid');
    if (req.method === 'GET' && url.pathname === '/api/juzi-login') {
      try {
        const user = await fetchUserInfo(url.searchParams.get('code') ?? '', { regionUrl });
        const id = randomBytes(24).toString('base64url');
        sessions.set(id, { user, expires: now() + sessionTtl });
        // SameSite=None: the sidebar page runs in the workbench's iframe, another site.
        const cookie = `sid=${id}; Path=/; HttpOnly; Secure; SameSite=None; Max-Age=${Math.floor(sessionTtl / 1000)}`;
        return answer(res, 200, { errcode: 0, errmsg: '', data: user }, { 'Set-Cookie': cookie });
      } catch (error) {
        const code = isJuziError(error) ? error.code : 'unknown';
        return answer(res, 200, { errcode: ERRCODES[code] ?? -5, errmsg: (isJuziError(error) && error.errMsg) || code });
      }
    }
    if (req.method === 'GET' && url.pathname === '/api/me') {
      const id = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const session = id && sessions.get(id);
      if (!session || session.expires <= now()) {
        sessions.delete(id);
        return answer(res, 401, { error: 'session expired: sign in again' });
      }
      return answer(res, 200, { user: session.user });
    }
    if (next) return next();
    answer(res, 404, { error: 'not found' });
  };
}

function answer(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const handle = createSignInHandler({ regionUrl: process.env.JUZI_REGION_URL ?? 'https://hub.juzibot.com' });
  createServer(handle).listen(Number(process.env.PORT ?? 3000));
}
