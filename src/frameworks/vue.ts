/**
 * Template typings for Vue 3 (`GlobalComponents`): properties with `.prop`-style
 * binding and `@juzi-*` listeners. Tell Vue the tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('juzi-')`), then:
 *
 * ```ts
 * import type {} from 'juzi-elements/vue';
 * ```
 */
import type { DefineComponent } from 'vue';
import type { JuziElementEvents, JuziElementProps } from './elements.js';

type Listeners<Events> = {
  [K in keyof Events as K extends `juzi-${infer Rest}` ? `onJuzi${Capitalize<Camel<Rest>>}` : never]?: (
    event: Events[K],
  ) => void;
};
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

type JuziVueComponents = {
  [Tag in keyof JuziElementProps]: DefineComponent<JuziElementProps[Tag] & Listeners<JuziElementEvents[Tag]>>;
};

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends JuziVueComponents {}
}

export type { JuziVueComponents };
