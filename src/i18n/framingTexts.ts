// Imported for its effect by embed/FramingRefused.tsx: adds its texts to the English
// catalogue in its own chunk (see panelTexts.ts).
import { enFraming } from './messages/enFraming';
import { addEnglish } from './translate';

addEnglish(enFraming);
