// Imported for its effect by caseData/CellEditor.tsx: adds its texts to the English catalogue
// in its own chunk (see panelTexts.ts).
import { enEditor } from './messages/enEditor';
import { addEnglish } from './translate';

addEnglish(enEditor);
