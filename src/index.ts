/** `juzi-elements`: the bridge, and (as they land) every element. */
export * from './bridge/index.js';
