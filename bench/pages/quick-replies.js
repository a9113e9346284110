/**
 * Case 7 of bench/run.mjs, in the page: <juzi-quick-replies> with 10,000 replies.
 * - keystroke: typing into the search box (filter + re-render of the visible rows) against
 *   a bare Lit list that filters pre-lowercased strings with `includes` and renders the same
 *   number of rows with the same markup and styles;
 * - first render of 10,000 replies against first render of 100;
 * - rows in the DOM at 10,000.
 */
import { LitElement, html, nothing, unsafeCSS } from '/lit.js';

const BASELINE = 'bench-bare-reply-list';
const SIDEBAR_PX = 300;
/** What an agent types, one keystroke at a time, then deletes again. */
const WORDS = ['退', '退货', '退货 7', '退货 7天', '退货 7', '退货', '退', '优', '优惠', '优惠券', '优惠', '优'];

const GROUPS = ['开场白', '产品介绍', '售后', '活动'];
const PHRASES = ['您好，我是客服', '七天无理由退货，运费我们承担', '旗舰款续航 30 小时', '双十二优惠券满 300 减 50', '保修一年', '物流一般 2–3 天到'];
const KINDS = { text: '文本', image: '图片' };

/** `n` replies: mostly text with templates, every tenth an image. */
export function makeReplies(n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: `话术 ${i} ${PHRASES[i % PHRASES.length].slice(0, 4)}`,
    group: GROUPS[i % GROUPS.length],
    keywords: [`kw${i}`],
    message:
      i % 10 === 9
        ? { msgtype: 'image', image: { url: `https://img.example.com/${i}.png` } }
        : `{{chat.name}}，${PHRASES[(i * 7) % PHRASES.length]}（${i}）`,
  }));
}

/**
 * The baseline: a bare Lit list; `items` carry pre-lowercased search text; keeps the items that
 * include every word of the query (as the subject does, so both show the same rows); renders the
 * first `rows` matches with the subject's row markup, a picture's thumbnail included.
 */
export function defineBareReplyList(styleTexts) {
  class BareReplyList extends LitElement {
    static properties = { query: {}, items: { attribute: false }, rows: { type: Number } };
    static styles = styleTexts.map((text) => unsafeCSS(text));

    constructor() {
      super();
      this.query = '';
      this.items = [];
      this.rows = 20;
    }

    render() {
      const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
      const shown = words.length ? this.items.filter((item) => includesEvery(item.lower, words)) : this.items;
      const visible = shown.slice(0, this.rows);
      return html`<div part="base" class="base">
        <input part="search" class="search" type="search" .value=${this.query} />
        <div part="list" class="list" role="listbox">
          <div class="spacer" style=${`height:${shown.length * 77}px`}>
            ${visible.map(
              (item, i) => html`<div part="row" class="row" role="option" aria-selected="false" style=${`top:${i * 77}px`}>
                ${item.thumbnail
                  ? html`<img part="thumbnail" class="thumbnail" src=${item.thumbnail} alt="" loading="lazy" referrerpolicy="no-referrer" />`
                  : nothing}
                <div class="body">
                  <div class="head">
                    <span part="title" class="title">${item.title}</span><span part="kind" class="badge">${item.kind}</span
                    ><span part="row-group" class="badge">${item.group}</span>
                  </div>
                  <div part="text" class="text">${item.text}</div>
                </div>
              </div>`,
            )}
          </div>
        </div>
      </div>`;
    }
  }
  customElements.define(BASELINE, BareReplyList);
}

function includesEvery(text, words) {
  for (let i = 0; i < words.length; i++) if (!text.includes(words[i])) return false;
  return true;
}

const layout = () => document.body.offsetHeight;

function sidebar() {
  const stage = document.createElement('div');
  stage.style.width = `${SIDEBAR_PX}px`;
  document.body.append(stage);
  return stage;
}

const rowsIn = (el) => el.shadowRoot.querySelectorAll('[role="option"]').length;

/** What the rows say (white space aside: the badges of one side are apart in the markup), for checking that both sides show the same rows. */
const rowsText = (el) =>
  [...el.shadowRoot.querySelectorAll('[role="option"]')].map((row) => row.textContent.replace(/\s+/g, '')).join(' | ');

/** Resolves once `el` has rendered and has no update pending. */
async function rendered(el) {
  for (let i = 0; i < 5 && !(await el.updateComplete); i++);
  layout();
}

/**
 * @param {typeof import('/dist/juzi-elements.js')} juzi
 * @param {{ createSimulatedHost: Function }} dev
 */
export function quickRepliesCases(juzi, dev) {
  const baselineItems = (replies, chatName) =>
    replies.map((reply) => {
      // An image reply without a title shows its file name.
      const text = typeof reply.message === 'string' ? reply.message.replace('{{chat.name}}', chatName) : reply.message.image.url.split('/').pop();
      return {
        title: reply.title,
        group: reply.group,
        kind: typeof reply.message === 'string' ? KINDS.text : KINDS.image,
        text,
        thumbnail: typeof reply.message === 'string' ? undefined : reply.message.image.url,
        lower: [reply.title, text, ...reply.keywords, reply.group].join('\n').toLowerCase(),
      };
    });

  async function subject(replies) {
    const bridge = juzi.createBridge({ host: dev.createSimulatedHost() });
    await bridge.refresh();
    const stage = sidebar();
    const t0 = performance.now();
    const el = document.createElement('juzi-quick-replies');
    el.bridge = bridge;
    el.replies = replies;
    stage.append(el);
    await rendered(el);
    const first = performance.now() - t0;
    return { el, stage, first, chatName: bridge.context.chat.name };
  }

  /**
   * Each keystroke: from the input event until the rows are rendered and laid out. Typing
   * starts at the first idle moment after the list shows (an agent does not type within a
   * frame of it), as the baseline's lower-cased strings are made before it starts.
   */
  async function typeInto(el, setQuery) {
    await new Promise((idle) => requestIdleCallback(idle));
    let total = 0;
    const seen = [];
    for (const word of WORDS) {
      const t0 = performance.now();
      setQuery(word);
      await rendered(el);
      total += performance.now() - t0;
      seen.push(rowsText(el));
    }
    return { ms: total / WORDS.length, seen };
  }

  return {
    /** Mean ms per keystroke of <juzi-quick-replies> with `count` replies, its rows in the DOM, and what they said after each keystroke. */
    async keystrokeSubject(count) {
      const { el, stage } = await subject(makeReplies(count));
      const search = el.shadowRoot.querySelector('[part="search"]');
      const { ms, seen } = await typeInto(el, (word) => {
        search.value = word;
        search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      });
      const rows = rowsIn(el);
      stage.remove();
      return { ms, rows, seen };
    },

    /** The same for the bare list, rendering `rows` rows (as many as the subject keeps in the DOM). */
    async keystrokeBaseline({ count, rows }) {
      const stage = sidebar();
      const el = document.createElement(BASELINE);
      el.items = baselineItems(makeReplies(count), '张三');
      el.rows = rows;
      stage.append(el);
      await rendered(el);
      const { ms, seen } = await typeInto(el, (word) => (el.query = word));
      stage.remove();
      return { ms, seen };
    },

    /** One round: first render of `large` replies and of `small` replies, interleaved. */
    async firstRender({ large, small }) {
      const big = makeReplies(large);
      const few = makeReplies(small);
      const a = await subject(big);
      const rows = rowsIn(a.el);
      a.stage.remove();
      const b = await subject(few);
      b.stage.remove();
      return { large: a.first, small: b.first, rows };
    },

    define(styleTexts) {
      defineBareReplyList(styleTexts);
    },
  };
}
