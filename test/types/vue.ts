// Type-level checks (run by `npm run typecheck`): the GlobalComponents Vue 3 users get.
import type { GlobalComponents } from 'vue';
import type {} from '../../src/frameworks/vue.js';

type PropsOf<T> = T extends abstract new (...args: never) => { $props: infer P } ? P : never;
type SendProps = PropsOf<GlobalComponents['juzi-send-button']>;

export const ok: SendProps = {
  content: '你好',
  disabled: false,
  onJuziSent: (event) => event.detail.message,
  onJuziBeforeSend: (event) => event.preventDefault(),
};
// @ts-expect-error content is text
export const bad: SendProps = { content: 42 };
// @ts-expect-error the mode is redirect or sidebar
export const badMode: PropsOf<GlobalComponents['juzi-auth']> = { mode: 'bogus' };

// A template ref is the element: its methods and properties are there.
type RefOf<T> = T extends abstract new (...args: never) => infer I ? I : never;
export const sendFromRef = (button: RefOf<GlobalComponents['juzi-send-button']>) => button.send() satisfies Promise<boolean>;
export const chatFromRef = (info: RefOf<GlobalComponents['juzi-chat-info']>) => info.chat?.name;
