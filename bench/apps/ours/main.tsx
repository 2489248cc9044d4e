// Variant "ours": the widget's own grid, through its public face. Its CSS (caseData.css) comes
// with it; the panel's page stylesheet (src/app/styles.css: theme, chrome) is left out, as the
// peers get no page CSS either.
import { CaseDataGrid } from '../../../src/caseData';
import { mountBenchApp } from '../shared/shell';

mountBenchApp((chatId) => <CaseDataGrid chatId={chatId} />);
