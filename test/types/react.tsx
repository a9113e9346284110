// Type-level checks (run by `npm run typecheck`): the JSX typings React 19 users get.
import type {} from '../../src/frameworks/react.js';
import type { JuziSentEvent } from '../../src/events.js';

export const ok = (
  <div>
    <juzi-chat-info fields="name botStatus" />
    <juzi-send-button
      content="你好"
      message={{ msgtype: 'text', text: { content: 'hi' } }}
      onjuzi-sent={(event: JuziSentEvent) => event.detail.message}
      onjuzi-error={(event) => event.detail.error.code}
    >
      发送
    </juzi-send-button>
    <juzi-open-chat userIds={['zhangsan', 'lisi']} chatId="CHATID" onjuzi-chat-opened={(e) => e.detail.userIds} />
    <juzi-image-preview urls={['https://example.com/1.png']} onjuzi-preview={(e) => e.detail.current} />
  </div>
);

// @ts-expect-error a message must be one of the host's shapes
export const badMessage = <juzi-send-button message={{ msgtype: 'voice' }} />;
// @ts-expect-error urls is a list
export const badUrls = <juzi-image-preview urls={42} />;
