// Public face of `embed/` for what loads after the first paint, and only in a panel that a
// page embeds: the host bridge, the protocol it speaks, its diagnostics, and the pop-out
// offered when the frame cannot use the agent's session. Imported by app/Embedding.tsx,
// a chunk of its own.
export { createHostBridge } from './hostBridge';
export { clip, readHostMessage, type HostMessageReading } from './hostMessages';
export { HOST_COMMAND_TYPES, PROTOCOL_NAMESPACE, PROTOCOL_VERSION, WIDGET_EVENT_TYPES, WIDGET_VERSION } from './protocol';
export { checkStorageAccess, openPopOut, popOutUrl, requestStorageAccess } from './storageAccess';
export { DiagnosticsView } from './DiagnosticsView';
export { PopOutOffer } from './PopOutOffer';
