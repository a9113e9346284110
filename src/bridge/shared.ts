import { JuziBridge, type BridgeOptions } from './bridge.js';

const SHARED = Symbol.for('juzi-elements.bridge');

/** Makes a new bridge, e.g. one bound to a simulated host for a test or a demo. */
export function createBridge(options?: BridgeOptions): JuziBridge {
  return new JuziBridge(options);
}

/**
 * The page's shared bridge. It lives on `globalThis` under a `Symbol.for` key, first
 * writer wins, so two copies of the bundle on one page share one bridge (one host
 * call, one chat context).
 */
export function getBridge(): JuziBridge {
  const slot = globalThis as { [SHARED]?: JuziBridge };
  return (slot[SHARED] ??= new JuziBridge());
}
