import { createContext } from '@lit/context';
import type { JuziBridge } from '../bridge/bridge.js';

/**
 * The `@lit/context` key elements look up their bridge under. `Symbol.for` makes two
 * copies of the bundle agree on it.
 *
 * ```ts
 * new ContextProvider(container, { context: bridgeContext, initialValue: createBridge({ host }) });
 * ```
 */
export const bridgeContext = createContext<JuziBridge>(Symbol.for('juzi-elements.bridge-context'));
