/**
 * JSX typings for React 19, which sets properties on custom elements and listens to
 * their events through `on<event-name>` props:
 *
 * ```tsx
 * import type {} from 'juzi-elements/react';
 * <juzi-send-button content="你好" onjuzi-sent={(e) => console.log(e.detail.message)} />
 * ```
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { JuziElementEvents, JuziElementProps } from './elements.js';

type Handlers<Events> = { [K in keyof Events as `on${K & string}`]?: (event: Events[K]) => void };

type JuziJsx = {
  [Tag in keyof JuziElementProps]: JuziElementProps[Tag] &
    Handlers<JuziElementEvents[Tag]> &
    DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[Tag]>, HTMLElementTagNameMap[Tag]>;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends JuziJsx {}
  }
}

export type { JuziJsx };
