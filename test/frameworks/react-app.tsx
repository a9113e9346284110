// A React 19 page using the wrappers of juzi-elements/react, bundled with React for the
// browser by the `react-bundle` plugin of web-test-runner.config.mjs (React ships CommonJS).
import type * as React from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { JuziBridge, SendMessage } from '../../src/bridge/index.js';
import * as wrappers from '../../src/frameworks/react.js';
import { JuziChatInfo, JuziSendButton } from '../../src/frameworks/react.js';
import type { JuziErrorEvent, JuziSentEvent } from '../../src/events.js';

export { wrappers };

export interface PageProps {
  bridge: JuziBridge;
  message: SendMessage;
  disabled?: boolean;
  onSent: (event: JuziSentEvent) => void;
  onError: (event: JuziErrorEvent) => void;
}

function Page({ bridge, message, disabled, onSent, onError }: PageProps) {
  return (
    <main>
      <JuziChatInfo bridge={bridge} fields="name" onJuziError={onError} />
      <JuziSendButton bridge={bridge} message={message} disabled={disabled} onJuziSent={onSent} onJuziError={onError}>
        发送
      </JuziSendButton>
    </main>
  );
}

/** Renders the page into `container` synchronously; `update` re-renders it with new props. */
export function mount(container: HTMLElement, props: PageProps): { update(next: Partial<PageProps>): void; root: Root } {
  const root = createRoot(container);
  let current = props;
  flushSync(() => root.render(<Page {...current} />));
  return {
    root,
    update(next) {
      current = { ...current, ...next };
      flushSync(() => root.render(<Page {...current} />));
    },
  };
}

/** Renders one wrapper with no props into `container`, synchronously. */
export function render(container: HTMLElement, name: keyof typeof wrappers): void {
  const Wrapper = wrappers[name] as React.ComponentType;
  flushSync(() => createRoot(container).render(<Wrapper />));
}

// One copy of the library for the test and the page: the test makes its host and bridge here.
export { createBridge } from '../../src/bridge/index.js';
export { createSimulatedHost } from '../../src/dev/index.js';
