/** `juzi-elements/dev`: the simulated juzi-helper host for demos and tests. */
export { createSimulatedHost, installSimulatedHost } from './simulated-host.js';
export type {
  SimulatedChat,
  SimulatedFault,
  SimulatedHost,
  SimulatedHostCall,
  SimulatedHostOptions,
} from './simulated-host.js';
export { defaultChats } from './chats.js';
