// Public face of `caseData/`: the editable grid of a chat's userData and its configuration.
export { CaseDataGrid, type FocusKeyResult } from './CaseDataGrid';
export { CaseDataConfigProvider, useCaseDataConfig } from './CaseDataConfigContext';
export {
  OPEN_CONFIG,
  parseCaseDataConfig,
  resolveRule,
  type CaseDataConfig,
  type ConfigProblem as CaseDataConfigProblem,
  type FieldRule,
} from './caseDataConfig';
export { chatBlockReason, problemWording, gwsErrorWords, keyShown } from './validation';
export { formatValue, quotedText } from './userDataValues';
export { useOutboxFlush } from './useCaseDataWriter';
