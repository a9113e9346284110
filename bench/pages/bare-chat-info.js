/**
 * The render baseline: a bare LitElement (production Lit, bundled apart from the
 * library by bench/run.mjs) that renders the DOM of <juzi-chat-info>'s ready
 * state, with the same styles, from a chat handed in as a property: no bridge,
 * no host, no context, no events, no i18n lookup.
 */
import { LitElement, html, unsafeCSS } from '/lit.js';

const t = {
  currentChat: '当前会话',
  single: '单聊',
  group: '群聊',
  external: '外部',
  internal: '内部',
  bot: '托管账号',
  online: '在线',
  offline: '离线',
  botTypes: ['无', '微信', '企业微信', '公众号', 'WhatsApp'],
};

/**
 * @param {string} tag
 * @param {string[]} styleTexts the cssText of each of JuziChatInfo's style sheets
 */
export function defineBareChatInfo(tag, styleTexts) {
  class BareChatInfo extends LitElement {
    static properties = { chat: { attribute: false } };
    static styles = styleTexts.map((text) => unsafeCSS(text));

    render() {
      const { chat } = this;
      if (!chat) return html``;
      const statusKey = chat.botStatus === 2 ? 'online' : 'offline';
      return html`<div part="base" class="base" role="group" aria-label=${t.currentChat}>
        <div class="header">
          <span part="name" class="name">${chat.name}</span>
          <span part="badge type" class="badge">${chat.type === 0 ? t.single : t.group}</span>
          <span part="badge external" class="badge">${chat.external ? t.external : t.internal}</span>
        </div>
        <div part="bot" class="bot">
          <span part="bot-name">${t.bot}: ${chat.botName}</span>
          <span part="bot-status" class="status" data-status=${statusKey}>${t[statusKey]}</span>
          <span part="bot-type">${t.botTypes[chat.botType]}</span>
        </div>
      </div>`;
    }
  }
  customElements.define(tag, BareChatInfo);
}
