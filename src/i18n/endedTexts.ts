// Imported for its effect by caseData/UnsavedWhenEnded.tsx: adds the notice's texts to the
// English catalogue in its own chunk (see panelTexts.ts).
import { enEnded } from './messages/enEnded';
import { addEnglish } from './translate';

addEnglish(enEnded);
