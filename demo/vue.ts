// Vue 3: properties in, events out. Written with render functions (h()) so the page
// needs neither @vitejs/plugin-vue nor Vue's template compiler. In a template the same
// bindings read:
//   <juzi-send-button :message="message" @juzi-sent="onSent" @juzi-error="onError" />
//   <juzi-image-preview :urls="urls" @juzi-preview="onPreview" />
// with compilerOptions.isCustomElement = (tag) => tag.startsWith('juzi-').
import { createApp, defineComponent, h, ref } from 'vue';
import { installSimulatedHost } from '../src/dev/index.js';
// Defines the tags before Vue renders: Vue sets a binding as a DOM property only when the
// element already has that property (`key in el`), else it writes a string attribute.
import '../src/index.js';
import type {
  JuziChatChangeEvent,
  JuziChatOpenedEvent,
  JuziErrorEvent,
  JuziPreviewEvent,
  JuziSentEvent,
  SendMessage,
} from '../src/index.js';

installSimulatedHost({ latency: 150 });

const App = defineComponent(() => {
  const text = ref('您好，这条消息由 Vue 绑定的 message 属性发出。');
  const urls = ref(['https://example.com/product-1.png', 'https://example.com/product-2.png']);
  const chat = ref('…');
  const sent = ref<string[]>([]);
  const last = ref('nothing yet');

  const message = (): SendMessage => ({ msgtype: 'text', text: { content: text.value } });
  const describe = (m: SendMessage) => (m.msgtype === 'text' ? m.text.content : m.msgtype);

  return () =>
    h('main', [
      h('h1', 'juzi-elements in Vue 3'),
      // `onJuziChatChange` is Vue's spelling of a `juzi-chat-change` listener (`@juzi-chat-change`).
      h('juzi-chat-info', { onJuziChatChange: (e: JuziChatChangeEvent) => (chat.value = e.detail.chat.name) }),
      h('label', [
        'Message',
        h('input', {
          id: 'text',
          value: text.value,
          onInput: (e: Event) => (text.value = (e.target as HTMLInputElement).value),
        }),
      ]),
      h('div', [
        // An object property: re-rendered with the new text on every keystroke.
        h('juzi-send-button', {
          message: message(),
          onJuziSent: (e: JuziSentEvent) => {
            sent.value = [...sent.value, describe(e.detail.message)];
            last.value = 'juzi-sent';
          },
          onJuziError: (e: JuziErrorEvent) => (last.value = `juzi-error ${e.detail.error.code}`),
        }),
        ' ',
        h('juzi-open-chat', {
          userIds: ['zhangsan'],
          externalUserIds: ['wmEAlECwAAHrbWYDOK5u3Bf13xlYDAAA'],
          onJuziChatOpened: (e: JuziChatOpenedEvent) => (last.value = `juzi-chat-opened ${e.detail.userIds.join(',')}`),
          onJuziError: (e: JuziErrorEvent) => (last.value = `juzi-error ${e.detail.error.code}`),
        }),
      ]),
      // An array property.
      h('juzi-image-preview', {
        urls: urls.value,
        onJuziPreview: (e: JuziPreviewEvent) => (last.value = `juzi-preview ${e.detail.current}`),
      }),
      h('dl', [
        h('dt', 'Chat'),
        h('dd', { id: 'chat' }, chat.value),
        h('dt', 'Sent'),
        h('dd', { id: 'sent' }, `${sent.value.length}: ${sent.value.join(' | ')}`),
        h('dt', 'Last event'),
        h('dd', { id: 'last' }, last.value),
      ]),
    ]);
});

createApp(App).mount('#app');
