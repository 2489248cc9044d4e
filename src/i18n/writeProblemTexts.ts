// Imported for its effect by caseData/writeProblems.ts: adds its texts to the English catalogue
// in its own chunk (see panelTexts.ts).
import { enWriteProblems } from './messages/enWriteProblems';
import { addEnglish } from './translate';

addEnglish(enWriteProblems);
