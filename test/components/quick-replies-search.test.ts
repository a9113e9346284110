import { expect } from '@open-wc/testing';
import { foldText, matchesTerms, queryTerms, searchableText } from '../../src/components/quick-replies/search.js';

const matches = (text: string, query: string) => matchesTerms(searchableText([text]), queryTerms(query));

describe('quick-replies search folding', () => {
  it('ignores case', () => {
    expect(matches('WiFi 密码', 'wifi')).to.equal(true);
    expect(matches('wifi', 'WIFI')).to.equal(true);
  });

  it('ignores full-width and half-width forms (全角/半角)', () => {
    expect(foldText('ＡＢＣ１２３（），')).to.equal('abc123(),');
    expect(matches('型号 ABC-123', 'ａｂｃ－１２３')).to.equal(true);
    expect(matches('ＶＩＰ会员', 'vip')).to.equal(true);
    expect(matches('ｶﾀｶﾅ', 'カタカナ')).to.equal(true);
  });

  it('ignores accents', () => {
    expect(matches('Café crème', 'cafe creme')).to.equal(true);
    expect(matches('naïve', 'NAIVE')).to.equal(true);
    expect(matches('Zürich', 'zurich')).to.equal(true);
    expect(matches('Ελλάδα', 'ελλαδα')).to.equal(true);
    expect(matches('がんばって', 'かんはって')).to.equal(true);
  });

  it('keeps the vowel signs that are part of a word', () => {
    expect(matches('किताब', 'कताब')).to.equal(false);
    expect(matches('किताब', 'किताब')).to.equal(true);
    expect(matches('สวัสดี', 'สวสด')).to.equal(false);
  });

  it('matches Chinese text as typed', () => {
    expect(matches('七天无理由退货', '退货')).to.equal(true);
    expect(matches('七天无理由退货', '换货')).to.equal(false);
  });

  it('needs every word of the query, in any order', () => {
    expect(matches('退货 运费 说明', '运费 退货')).to.equal(true);
    expect(matches('退货 说明', '运费 退货')).to.equal(false);
  });

  it('treats a blank query as no query', () => {
    expect(queryTerms('   ')).to.deep.equal([]);
    expect(matches('anything', '  ')).to.equal(true);
  });

  it('never matches a word across two parts', () => {
    const haystack = searchableText(['售后', '退款']);
    expect(matchesTerms(haystack, queryTerms('后退'))).to.equal(false);
    expect(matchesTerms(haystack, queryTerms('退款'))).to.equal(true);
  });
});
