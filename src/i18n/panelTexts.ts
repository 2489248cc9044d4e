// Imported for its effect by every module that shows the panel's own texts (app/,
// participants/, embed/): adds them to the English catalogue. A bundle of the grid alone
// never imports it, and does not carry them.
import { enPanel } from './messages/enPanel';
import { addEnglish } from './translate';

addEnglish(enPanel);
