/**
 * Template typings for Vue 3 (`GlobalComponents`). Tell Vue the tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('juzi-')`), then:
 *
 * ```ts
 * import type {} from 'juzi-elements/vue';
 * ```
 *
 * Props are the element's properties (Vue sets a property when the element has it),
 * `@juzi-sent` listeners get the typed event, and a template ref is the element itself
 * (`useTemplateRef<JuziSendButton>('send')`, then `send.value?.send()`). Every tag,
 * property and event comes from the generated table in elements.ts.
 */
import type { AllowedComponentProps, VNodeProps } from 'vue';
import type { JuziElementEvents, JuziElementProps } from './elements.js';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type Listeners<Events> = {
  [K in keyof Events as `on${Capitalize<Camel<K & string>>}`]?: (event: Events[K]) => void;
};

/** What Vue's template checker reads: the instance is the element, `$props` what a template may bind. */
type JuziVueElement<Tag extends keyof JuziElementProps> = new () => HTMLElementTagNameMap[Tag] & {
  $props: Partial<JuziElementProps[Tag]> & Listeners<JuziElementEvents[Tag]> & AllowedComponentProps & VNodeProps;
};

type JuziVueComponents = { [Tag in keyof JuziElementProps]: JuziVueElement<Tag> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends JuziVueComponents {}
}

export type { JuziVueComponents };
