/**
 * JSX typings for React 19, which sets a custom element's properties when the element has
 * them and listens to its events through `on<event-name>` props:
 *
 * ```tsx
 * import type {} from 'juzi-elements/react';
 * <juzi-send-button content="你好" onjuzi-sent={(e) => console.log(e.detail.message)} />
 * ```
 *
 * Every tag, property, attribute and event comes from the generated table in elements.ts.
 * TypeScript never checks a hyphenated JSX name it does not know (`onjuzi-snet`): the
 * wrappers in `juzi-elements/react` (`onJuziSent`) are checked in full.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { JuziElementAttributes, JuziElementEvents, JuziElementProps } from './elements.js';

/** An attribute is set as text: a property that is no text, number or flag is written as text. */
type AttributeValue<T> = T extends string | number | boolean | null | undefined ? T : string;
type Handlers<Events> = { [K in keyof Events as `on${K & string}`]?: (event: Events[K]) => void };

type JuziJsx = {
  [Tag in keyof JuziElementProps]: Partial<JuziElementProps[Tag]> &
    Partial<{ [A in Exclude<keyof JuziElementAttributes[Tag], keyof JuziElementProps[Tag]>]: AttributeValue<JuziElementAttributes[Tag][A]> }> &
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
