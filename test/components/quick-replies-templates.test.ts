import { expect } from '@open-wc/testing';
import type { ChatInfo, SendMessage } from '../../src/bridge/index.js';
import { fillMessage, fillText, placeholderValue, readsChat } from '../../src/components/quick-replies/templates.js';

const chat: ChatInfo = {
  id: 'chat-1',
  name: '王小明',
  type: 0,
  external: true,
  wxUserId: 'wm-1',
  botId: 'bot-1',
  botName: '小句',
  botStatus: 2,
  botType: 2,
  jzGroupId: 'g-1',
  jzUserId: 'u-1',
};

describe('quick-replies templates', () => {
  describe('fillText', () => {
    it('fills {{chat.name}}, {{chat.botName}} and other chat fields', () => {
      const filled = fillText('{{chat.name}}您好，我是{{ chat.botName }}（{{chat.id}}，类型 {{chat.type}}，外部 {{chat.external}}）', { chat });
      expect(filled).to.deep.equal({ value: '王小明您好，我是小句（chat-1，类型 0，外部 true）', missing: [] });
    });

    it('fills {{key}} from vars, numbers too', () => {
      expect(fillText('订单 {{order}} 共 {{count}} 件', { vars: { order: 'A-1', count: 3 } }).value).to.equal('订单 A-1 共 3 件');
    });

    it('leaves a placeholder without a value as written and names it once', () => {
      const filled = fillText('{{chat.name}}，{{coupon}}，{{coupon}}', { vars: {} });
      expect(filled.value).to.equal('{{chat.name}}，{{coupon}}，{{coupon}}');
      expect(filled.missing).to.deep.equal(['chat.name', 'coupon']);
    });

    it('counts blank strings, null, objects and fields the chat lacks as no value', () => {
      const values = { chat, vars: { blank: '  ', none: null, object: { a: 1 } } };
      for (const name of ['blank', 'none', 'object', 'chat.wxChatId', 'chat.nope', 'chat.toString', 'toString']) {
        expect(placeholderValue(name, values), name).to.equal(undefined);
      }
    });

    it('never reads vars for a chat placeholder, nor the chat for a plain one', () => {
      expect(placeholderValue('chat.name', { vars: { 'chat.name': 'x' } })).to.equal(undefined);
      expect(placeholderValue('name', { chat })).to.equal(undefined);
    });

    it('keeps a value as text: markup stays markup-free characters', () => {
      expect(fillText('hi {{x}}', { vars: { x: '<img src=x onerror=alert(1)>' } }).value).to.equal('hi <img src=x onerror=alert(1)>');
    });

    it('percent-encodes values when asked (URL fields)', () => {
      expect(fillText('https://s.example.com/?q={{q}}', { vars: { q: 'a b&c=d/é' } }, true).value).to.equal(
        'https://s.example.com/?q=a%20b%26c%3Dd%2F%C3%A9',
      );
    });
  });

  describe('fillMessage', () => {
    it('fills text content', () => {
      const message: SendMessage = { msgtype: 'text', text: { content: '{{chat.name}}，您好' } };
      expect(fillMessage(message, { chat })).to.deep.equal({
        value: { msgtype: 'text', text: { content: '王小明，您好' } },
        missing: [],
      });
    });

    it('encodes values in URL fields and only there', () => {
      const message: SendMessage = {
        msgtype: 'news',
        news: { link: 'https://shop.example.com/o?u={{chat.name}}&c={{code}}', title: '给{{chat.name}}的优惠', imgUrl: 'https://img.example.com/{{code}}.png' },
      };
      const { value, missing } = fillMessage(message, { chat, vars: { code: 'A B' } });
      expect(missing).to.deep.equal([]);
      expect(value).to.deep.equal({
        msgtype: 'news',
        news: {
          link: 'https://shop.example.com/o?u=%E7%8E%8B%E5%B0%8F%E6%98%8E&c=A%20B',
          title: '给王小明的优惠',
          imgUrl: 'https://img.example.com/A%20B.png',
        },
      });
    });

    it('a value can never change the scheme or host of a URL', () => {
      const message: SendMessage = { msgtype: 'image', image: { url: '{{link}}' } };
      const { value } = fillMessage(message, { vars: { link: 'javascript:alert(1)' } });
      expect((value as { image: { url: string } }).image.url).to.equal('javascript%3Aalert(1)');
      const other = fillMessage({ msgtype: 'file', file: { url: 'https://a.example.com/{{p}}' } }, { vars: { p: '@evil.example/x' } });
      expect(new URL((other.value as { file: { url: string } }).file.url).host).to.equal('a.example.com');
    });

    it('encodes the mini-program page, since values land in its query', () => {
      const message: SendMessage = {
        msgtype: 'miniprogram',
        miniprogram: {
          appid: 'wx1',
          title: '{{chat.name}}的订单',
          imgUrl: 'https://img.example.com/m.png',
          page: 'pages/order?user={{chat.name}}&x=1',
          desc: '',
          iconUrl: 'https://img.example.com/i.png',
          officialAccountId: 'gh_1',
        },
      };
      const { value } = fillMessage(message, { chat });
      expect((value as { miniprogram: { page: string; title: string } }).miniprogram).to.include({
        page: 'pages/order?user=%E7%8E%8B%E5%B0%8F%E6%98%8E&x=1',
        title: '王小明的订单',
      });
    });

    it('names each missing placeholder with the field it is in', () => {
      const message: SendMessage = { msgtype: 'news', news: { link: 'https://a.example.com/?c={{coupon}}', title: '{{chat.name}}' } };
      expect(fillMessage(message, {}).missing).to.deep.equal([
        { name: 'coupon', path: ['news', 'link'] },
        { name: 'chat.name', path: ['news', 'title'] },
      ]);
    });

    it('does not change the message it was given', () => {
      const message: SendMessage = { msgtype: 'text', text: { content: '{{chat.name}}' } };
      fillMessage(message, { chat });
      expect(message.text.content).to.equal('{{chat.name}}');
    });
  });

  it('readsChat tells whether a send needs the chat', () => {
    expect(readsChat({ msgtype: 'text', text: { content: '{{chat.name}}' } })).to.equal(true);
    expect(readsChat({ msgtype: 'text', text: { content: '{{name}}' } })).to.equal(false);
  });
});
