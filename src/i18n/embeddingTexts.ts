// Imported for its effect by embed/PopOutOffer.tsx and embed/DiagnosticsView.tsx: adds their
// texts to the English catalogue in the host code's chunk (see panelTexts.ts).
import { enEmbedding } from './messages/enEmbedding';
import { addEnglish } from './translate';

addEnglish(enEmbedding);
