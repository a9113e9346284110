/**
 * Types for the classic-script bundles: `juzi-elements.iife.js` sets the global
 * `JuziElements` (everything `juzi-elements` exports, every tag defined) and
 * `juzi-elements-dev.iife.js` sets `JuziElementsDev` (the simulated host).
 */
import type * as JuziElementsModule from './index.js';
import type * as JuziElementsDevModule from './dev/index.js';

declare global {
  /** `juzi-elements.iife.js`: the package's exports. */
  var JuziElements: typeof JuziElementsModule;
  /** `juzi-elements-dev.iife.js`: the simulated host. */
  var JuziElementsDev: typeof JuziElementsDevModule;
}

export {};
