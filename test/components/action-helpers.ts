// What the tests of the one-button acting elements (send, open chat) look at.
import { fixture, oneEvent, waitUntil, type html } from '@open-wc/testing';
import type { JuziEventMap } from '../../src/events.js';
import type { LitElement } from 'lit';

/** oneEvent, typed by the juzi event map. */
export const once = <K extends keyof JuziEventMap>(target: EventTarget, name: K) =>
  oneEvent<JuziEventMap[K]>(target, name);
export const button = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
export const status = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!;
export const spinner = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="spinner"]');

/** The label as rendered: the label part's text, with the slot standing for what it shows (slotted nodes, else its fallback). */
export const label = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelector('[part="label"]')!.childNodes]
    .map((node) =>
      node instanceof HTMLSlotElement
        ? node.assignedNodes({ flatten: true }).map((shown) => shown.textContent).join('')
        : node.nodeType === Node.TEXT_NODE
          ? node.textContent
          : '',
    )
    .join('')
    .trim();

/**
 * Renders into `parent` (appended to the body). fixture() of a plain wrapper element
 * waits for an animation frame, which a background test tab never paints.
 */
export const within = <E extends Element>(parent: HTMLElement, template: ReturnType<typeof html>) =>
  fixture<E>(template, { parentNode: parent });

/** Settles once the element has drawn its outcome and is ready for the next click. */
export async function settled(el: LitElement & { readonly busy: boolean }): Promise<void> {
  await waitUntil(() => !el.busy, 'still busy');
  await el.updateComplete;
}
