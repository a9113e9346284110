import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createBridge, isHttpUrl, JuziError, type SendMessage } from '../../src/bridge/index.js';
import { createSimulatedHost } from '../../src/dev/index.js';

// For any input: either refused with invalid-params and the host never called, or the
// host receives exactly the seed's shape. No other exception ever escapes.

const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', 'data:text/html,x', '/a.png', 'ftp://x', '', ' ', 'https:x', 'HTTP://EXAMPLE.COM'),
  fc.string(),
);
const text = fc.oneof(fc.string(), fc.constantFrom('', '  ', '\n\t'));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const junk = fc.oneof(fc.anything(), fc.constant(undefined));

const message = fc.oneof(
  fc.record({ msgtype: fc.constant('text'), text: fc.oneof(fc.record({ content: fc.oneof(text, junk) }), junk) }),
  ...(['image', 'video', 'file'] as const).map((msgtype) =>
    fc.record({ msgtype: fc.constant(msgtype), [msgtype]: fc.oneof(fc.record({ url, title: maybe(text) }), junk) }),
  ),
  fc.record({
    msgtype: fc.constant('news'),
    news: fc.record({ link: url, title: maybe(text), desc: maybe(text), imgUrl: maybe(url) }),
  }),
  fc.record({
    msgtype: fc.constant('miniprogram'),
    miniprogram: fc.record(
      { appid: text, title: text, imgUrl: url, page: text, desc: text, iconUrl: url, officialAccountId: text },
      { requiredKeys: [] },
    ),
  }),
  junk,
);

const stripUndefined = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/** What the seed's SendParams allows, written independently of the zod schemas. */
function expected(input: unknown): SendMessage | undefined {
  const m = input as Record<string, Record<string, unknown>> | null;
  if (typeof m !== 'object' || m === null) return undefined;
  const body = m[m.msgtype as unknown as string];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const str = (k: string) => typeof body[k] === 'string';
  const optStr = (k: string) => body[k] === undefined || str(k);
  const nonBlank = (k: string) => str(k) && (body[k] as string).trim() !== '';
  const okUrl = (k: string) => str(k) && isHttpUrl(body[k] as string);
  const pick = (keys: string[]) => Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
  switch (m.msgtype as unknown as string) {
    case 'text':
      return nonBlank('content') ? ({ msgtype: 'text', text: { content: body.content } } as SendMessage) : undefined;
    case 'image':
    case 'video':
    case 'file':
      return okUrl('url') && optStr('title')
        ? ({ msgtype: m.msgtype, [m.msgtype as unknown as string]: pick(['url', 'title']) } as unknown as SendMessage)
        : undefined;
    case 'news':
      return okUrl('link') && optStr('title') && optStr('desc') && (body.imgUrl === undefined || okUrl('imgUrl'))
        ? ({ msgtype: 'news', news: pick(['link', 'title', 'desc', 'imgUrl']) } as SendMessage)
        : undefined;
    case 'miniprogram': {
      const ok =
        ['appid', 'title', 'page', 'officialAccountId'].every(nonBlank) && str('desc') && okUrl('imgUrl') && okUrl('iconUrl');
      const keys = ['appid', 'title', 'imgUrl', 'page', 'desc', 'iconUrl', 'officialAccountId'];
      return ok ? ({ msgtype: 'miniprogram', miniprogram: pick(keys) } as SendMessage) : undefined;
    }
    default:
      return undefined;
  }
}

describe('bridge outgoing checks (property-based)', () => {
  it('sendChatMessage: refused before the host, or the host receives the exact seed shape', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (input) => {
        const host = createSimulatedHost();
        const bridge = createBridge({ host, timeout: 1000 });
        const want = expected(input);
        let error: unknown;
        try {
          await bridge.sendChatMessage(input as SendMessage);
        } catch (e) {
          error = e;
        }
        if (want === undefined) {
          expect(error, JSON.stringify(input)).to.be.instanceOf(JuziError);
          expect((error as JuziError).code).to.equal('invalid-params');
          expect(host.callCount()).to.equal(0);
        } else {
          expect(error, String(error)).to.equal(undefined);
          expect(host.sent).to.have.length(1);
          expect(stripUndefined(host.sent[0])).to.deep.equal(stripUndefined(want));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('openEnterpriseChat: refused, or ids arrive joined with ;', async () => {
    const id = fc.oneof(fc.string(), fc.constantFrom('', ' ', 'zhangsan'));
    const ids = fc.oneof(id, fc.array(id, { maxLength: 4 }), junk);
    await fc.assert(
      fc.asyncProperty(ids, maybe(ids), maybe(fc.oneof(id, junk)), async (userIds, externalUserIds, chatId) => {
        const host = createSimulatedHost();
        const bridge = createBridge({ host, timeout: 1000 });
        const valid = (v: unknown) =>
          (typeof v === 'string' && v.trim() !== '') ||
          (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim() !== ''));
        const ok = valid(userIds) && (externalUserIds === undefined || valid(externalUserIds)) &&
          (chatId === undefined || (typeof chatId === 'string' && chatId.trim() !== ''));
        const join = (v: unknown) => (Array.isArray(v) ? v.join(';') : v);
        let error: unknown;
        try {
          await bridge.openEnterpriseChat({ userIds, externalUserIds, chatId } as never);
        } catch (e) {
          error = e;
        }
        if (!ok) {
          expect((error as JuziError).code).to.equal('invalid-params');
          expect(host.callCount()).to.equal(0);
        } else {
          expect(error, String(error)).to.equal(undefined);
          const want: Record<string, unknown> = { userIds: join(userIds) };
          if (externalUserIds !== undefined) want.externalUserIds = join(externalUserIds);
          if (chatId !== undefined) want.chatId = chatId;
          expect(host.calls[0]?.params).to.deep.equal(want);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('previewImage: refused, or urls and current arrive as given (current defaulting to the first)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(url, { maxLength: 3 }), junk), maybe(url), async (urls, current) => {
        const host = createSimulatedHost();
        const bridge = createBridge({ host, timeout: 1000 });
        const ok =
          Array.isArray(urls) && urls.length > 0 && urls.every((u) => typeof u === 'string' && isHttpUrl(u)) &&
          (current === undefined || urls.includes(current));
        let error: unknown;
        try {
          await bridge.previewImage({ urls, current } as never);
        } catch (e) {
          error = e;
        }
        if (!ok) {
          expect((error as JuziError).code).to.equal('invalid-params');
          expect(host.callCount()).to.equal(0);
        } else {
          expect(error, String(error)).to.equal(undefined);
          expect(host.calls[0]?.params).to.deep.equal({ current: current ?? (urls as string[])[0], urls });
        }
      }),
      { numRuns: 200 },
    );
  });
});
