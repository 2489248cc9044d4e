// Imported for its effect by caseData/AddFieldForm.tsx: adds the form's texts to the English
// catalogue in the form's own chunk (see panelTexts.ts).
import { enAddField } from './messages/enAddField';
import { addEnglish } from './translate';

addEnglish(enAddField);
