// Imported for its effect by caseData/editHistory.ts: adds its texts to the English catalogue
// in its own chunk (see panelTexts.ts).
import { enHistory } from './messages/enHistory';
import { addEnglish } from './translate';

addEnglish(enHistory);
