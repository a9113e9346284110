// What the tests of <juzi-quick-replies> look at, as a user would.
import type { JuziQuickReplies } from '../../src/components/quick-replies/quick-replies.js';
import type { QuickReply } from '../../src/components/quick-replies/replies.js';

export const rows = (el: JuziQuickReplies) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
export const row = (el: JuziQuickReplies, title: string) =>
  rows(el).find((r) => r.querySelector('[part="title"]')!.textContent === title);
export const titles = (el: JuziQuickReplies) => rows(el).map((r) => r.querySelector('[part="title"]')!.textContent);
export const searchBox = (el: JuziQuickReplies) => el.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
export const listbox = (el: JuziQuickReplies) => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
export const status = (el: JuziQuickReplies) => el.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!;
export const notice = (el: JuziQuickReplies) => el.shadowRoot!.querySelector<HTMLElement>('[part="notice"], [part="error"]');
export const groupButtons = (el: JuziQuickReplies) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="group"]')];
export const activeRow = (el: JuziQuickReplies) => {
  const id = listbox(el).getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id) : null;
};
export const text = (r: Element | null | undefined) => r?.querySelector('[part="text"]')?.textContent ?? '';
export const rowStatus = (r: Element | null | undefined) => r?.querySelector('[part="row-status"]')?.textContent?.trim() ?? '';

/** Waits until the element has no update pending (a measurement may ask for one more). */
export async function settle(el: JuziQuickReplies): Promise<void> {
  for (let i = 0; i < 5 && !(await el.updateComplete); i++);
}

/**
 * Scrolls the list to its end as a user would, then waits for the rows. The scroll event is
 * dispatched at once: a browser fires its own only at the next frame, which a loaded machine delays.
 */
export async function scrollToEnd(el: JuziQuickReplies): Promise<void> {
  const list = listbox(el);
  list.scrollTop = list.scrollHeight;
  list.dispatchEvent(new Event('scroll'));
  await settle(el);
}

/** Resolves after the browser's next idle moment (a timer where there is no requestIdleCallback). */
export const idle = () =>
  new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve()) : setTimeout(resolve, 100)));

/** A library with every message type, groups, keywords and templates. */
export const library: QuickReply[] = [
  { id: 'hello', title: '问候', group: '开场白', keywords: ['greeting'], message: '{{chat.name}}您好，我是{{chat.botName}}' },
  { id: 'price', title: '价格说明', group: '产品介绍', message: { msgtype: 'text', text: { content: '旗舰款 ¥{{price}}' } } },
  { id: 'photo', title: '产品图', group: '产品介绍', message: { msgtype: 'image', image: { url: 'https://img.example.com/p.png' } } },
  { id: 'video', title: '安装视频', group: '售后', message: { msgtype: 'video', video: { url: 'https://v.example.com/i.mp4', title: '安装' } } },
  { id: 'manual', title: '说明书', group: '售后', keywords: ['PDF'], message: { msgtype: 'file', file: { url: 'https://f.example.com/manual.pdf' } } },
  {
    id: 'offer',
    title: 'Café 优惠',
    group: '活动',
    message: {
      msgtype: 'news',
      news: { link: 'https://shop.example.com/o?u={{chat.name}}', title: '给{{chat.name}}的优惠', desc: '限时', imgUrl: 'https://img.example.com/o.png' },
    },
  },
  {
    id: 'mini',
    title: '小程序下单',
    group: '活动',
    message: {
      msgtype: 'miniprogram',
      miniprogram: {
        appid: 'wx123',
        title: '下单',
        imgUrl: 'https://img.example.com/m.png',
        page: 'pages/index',
        desc: '',
        iconUrl: 'https://img.example.com/i.png',
        officialAccountId: 'gh_1',
      },
    },
  },
];

/** `n` text replies in four groups. */
export function manyReplies(n: number): QuickReply[] {
  const groups = ['开场白', '产品介绍', '售后', '活动'];
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: `话术 ${i}`,
    group: groups[i % groups.length]!,
    keywords: [`kw${i}`],
    message: `第 ${i} 条：{{chat.name}}您好`,
  }));
}
