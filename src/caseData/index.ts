// Public face of `caseData/`: the editable grid of a chat's userData.
export { CaseDataGrid, readOnlyReason } from './CaseDataGrid';
