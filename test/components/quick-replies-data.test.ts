import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkReplies, libraryItems, replyIssues } from '../../src/components/quick-replies/replies.js';

describe('quick-replies data check', () => {
  it('accepts exactly what the schema accepts (the quick path for text and media replies included)', () => {
    const spaces = fc.constantFrom('\u3000', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u202f', '\u205f', '\ufeff', '\u180e', '\u200b', 'é', '话');
    const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.constant(' a'), fc.string(), spaces, fc.tuple(spaces, fc.string()).map(([a, b]) => a + b), fc.constant(undefined), fc.integer());
    const url = fc.oneof(
      fc.constant('https://img.example.com/a.png'),
      fc.constant('http://x'),
      fc.constant('https:// x'),
      fc.constant('javascript:alert(1)'),
      fc.constant('/relative.png'),
      fc.webUrl(),
      text,
    );
    const body = fc.oneof(fc.record({ url, title: text }, { requiredKeys: [] }), fc.constant(null), fc.string());
    const media = fc.record(
      { msgtype: fc.constantFrom('image', 'video', 'file', 'news', 'text', 'link'), image: body, video: body, file: body, news: body, text: body, link: body },
      { requiredKeys: ['msgtype'] },
    );
    const item = fc.record(
      {
        id: text,
        title: text,
        group: fc.oneof(text, fc.constant(null)),
        keywords: fc.oneof(fc.constant(undefined), fc.array(fc.oneof(fc.string(), fc.integer())), fc.string()),
        message: fc.oneof(text, media, fc.constant({ msgtype: 'text', text: { content: 'x' } }), fc.constant(null)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(item, (value) => {
        expect(checkReplies([value]).replies.length === 1, JSON.stringify(value)).to.equal(replyIssues(value).length === 0);
      }),
      { numRuns: 1000 },
    );
    // The messages again, under fields that pass, so every message reaches the check.
    fc.assert(
      fc.property(media, (message) => {
        const value = { id: 'a', title: 'A', message };
        expect(checkReplies([value]).replies.length === 1, JSON.stringify(value)).to.equal(replyIssues(value).length === 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('names each bad item by index and field, and a repeated id', () => {
    const { replies, issues } = checkReplies([
      { id: 'a', title: 'A', message: 'hi' },
      { id: 'b', title: 'B', keywords: 'not a list', message: 'hi' },
      { id: 'c', title: 'C', message: { msgtype: 'news', news: { link: 'data:text/html,x' } } },
      { id: 'a', title: 'again', message: 'hi' },
      null,
    ]);
    expect(replies.map((r) => r.id)).to.deep.equal(['a']);
    expect(issues.map((i) => i.path)).to.deep.equal([[1, 'keywords'], [2, 'message', 'news', 'link'], [3, 'id'], [4]]);
  });

  it('treats a throwing item as one more bad item', () => {
    const hostile = Object.defineProperty({}, 'id', { get: () => { throw new Error('boom'); }, enumerable: true });
    expect(checkReplies([hostile]).issues).to.deep.equal([{ path: [0], message: 'Error: boom' }]);
  });

  it('reads a library as an array or { replies: [...] }', () => {
    expect(libraryItems([1])).to.deep.equal([1]);
    expect(libraryItems({ replies: [2] })).to.deep.equal([2]);
    expect(libraryItems({ items: [] })).to.equal(undefined);
    expect(libraryItems(null)).to.equal(undefined);
  });
});
