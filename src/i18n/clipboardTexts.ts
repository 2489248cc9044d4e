// Imported for its effect by caseData/clipboard.ts: adds its texts to the English catalogue
// in its own chunk (see panelTexts.ts).
import { enClipboard } from './messages/enClipboard';
import { addEnglish } from './translate';

addEnglish(enClipboard);
