// Type-level checks (run by `npm run typecheck`): the JSX typings React 19 users get.
import type { JuziErrorEvent, JuziSentEvent } from '../../src/events.js';
import { JuziAuth, JuziChatInfo, JuziSendButton } from '../../src/frameworks/react.js';

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
// @ts-expect-error an attribute is typed from its property too
export const badImgUrl = <juzi-send-button img-url={42} />;
// @ts-expect-error the mode is redirect or sidebar
export const badMode = <juzi-auth mode="bogus" />;
export const auth = <juzi-auth region-url="https://hub.juzibot.com" mode="sidebar" onjuzi-auth-success={(e) => e.detail.user.name} />;

// The wrappers of juzi-elements/react: camelCase events, typed detail and element.
export const wrapped = (
  <>
    <JuziSendButton
      message={{ msgtype: 'text', text: { content: 'hi' } }}
      onJuziSent={(e) => e.detail.message.msgtype}
      onJuziBeforeSend={(e) => e.preventDefault()}
      ref={(el) => void el?.send()}
    />
    <JuziChatInfo fields="name" onJuziChatChange={(e) => e.detail.chat.name} />
    <JuziAuth mode="redirect" onJuziAuthSuccess={(e) => e.detail.user} />
  </>
);
// @ts-expect-error onJuziSent gets the sent event, not an error event
export const badHandler = <JuziSendButton onJuziSent={(e: JuziErrorEvent) => e.detail.error} />;
// @ts-expect-error a misspelt event prop is refused
export const typo = <JuziSendButton onJuziSnet={() => {}} />;
// @ts-expect-error the mode is redirect or sidebar
export const badWrappedMode = <JuziAuth mode="bogus" />;
