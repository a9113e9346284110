// React 19: properties in, events out. React 19 sets a prop as a DOM property when the
// custom element has that property (objects and arrays included) and listens to its
// events through `on<event-name>` props, e.g. `onjuzi-sent`.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { installSimulatedHost } from '../src/dev/index.js';
// Defines the tags before React renders, so React sees their properties.
import '../src/index.js';
import type { SendMessage } from '../src/index.js';
// The JSX typings for the juzi-* tags.
import type {} from '../src/frameworks/react.js';

installSimulatedHost({ latency: 150 });

const urls = ['https://example.com/product-1.png', 'https://example.com/product-2.png'];
const describe = (m: SendMessage) => (m.msgtype === 'text' ? m.text.content : m.msgtype);

function App() {
  const [text, setText] = useState('您好，这条消息由 React 传入的 message 属性发出。');
  const [chat, setChat] = useState('…');
  const [sent, setSent] = useState<string[]>([]);
  const [last, setLast] = useState('nothing yet');

  return (
    <main>
      <h1>juzi-elements in React 19</h1>
      <juzi-chat-info onjuzi-chat-change={(e) => setChat(e.detail.chat.name)} />
      <label>
        Message
        <input id="text" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div>
        <juzi-send-button
          message={{ msgtype: 'text', text: { content: text } }}
          onjuzi-sent={(e) => {
            const done = describe(e.detail.message);
            setSent((list) => [...list, done]);
            setLast('juzi-sent');
          }}
          onjuzi-error={(e) => setLast(`juzi-error ${e.detail.error.code}`)}
        />{' '}
        <juzi-open-chat
          userIds={['zhangsan']}
          externalUserIds={['wmEAlECwAAHrbWYDOK5u3Bf13xlYDAAA']}
          onjuzi-chat-opened={(e) => setLast(`juzi-chat-opened ${e.detail.userIds.join(',')}`)}
          onjuzi-error={(e) => setLast(`juzi-error ${e.detail.error.code}`)}
        />
      </div>
      <juzi-image-preview urls={urls} onjuzi-preview={(e) => setLast(`juzi-preview ${e.detail.current}`)} />
      <dl>
        <dt>Chat</dt>
        <dd id="chat">{chat}</dd>
        <dt>Sent</dt>
        <dd id="sent">{`${sent.length}: ${sent.join(' | ')}`}</dd>
        <dt>Last event</dt>
        <dd id="last">{last}</dd>
      </dl>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
