// Public face of the host SDK, built on its own as dist/embed.js (with embed.d.ts):
//   import { mountCaseDataPanel } from 'https://panel.example.com/embed.js';
export { mountCaseDataPanel } from './mountCaseDataPanel';
export { PROTOCOL_NAMESPACE, PROTOCOL_VERSION } from '../protocol';
export type * from './types';
