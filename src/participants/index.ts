// Public face of `participants/`: who is in the active chat.
export { ParticipantsList } from './ParticipantsList';
