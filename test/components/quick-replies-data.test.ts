import { expect } from '@open-wc/testing';
import { checkReplies, libraryItems } from '../../src/components/quick-replies/replies.js';

describe('quick-replies data check', () => {
  it('checks a library a slice at a time as in one go: indexes from the start, a repeated id across two slices', () => {
    const items = [
      { id: 'a', title: 'A', message: 'hi' },
      { id: 'b', message: 'no title' },
      { id: 'c', title: 'C', message: 'hi' },
      { id: 'a', title: 'again', message: 'hi' },
      { id: 'e', message: 'no title' },
      { id: 'd', title: 'D', message: 'hi' },
    ];
    const whole = checkReplies(items);
    const sliced = checkReplies(items, 0, 2);
    checkReplies(items, 2, items.length, sliced);
    expect(whole.issues.map((i) => i.path)).to.deep.equal([[1, 'title'], [3, 'id'], [4, 'title']]);
    expect(sliced.issues).to.deep.equal(whole.issues);
    expect(sliced.replies.map((r) => r.id)).to.deep.equal(['a', 'c', 'd']);
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
