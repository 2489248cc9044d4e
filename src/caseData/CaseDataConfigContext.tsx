import { createContext, useContext, type ReactNode } from 'react';
import { OPEN_CONFIG, type CaseDataConfig } from './caseDataConfig';

const CaseDataConfigContext = createContext<CaseDataConfig>(OPEN_CONFIG);

/** Without a provider every key is shown and editable, as with no configuration at all. */
export function CaseDataConfigProvider({ config, children }: { config: CaseDataConfig; children: ReactNode }) {
  return <CaseDataConfigContext.Provider value={config}>{children}</CaseDataConfigContext.Provider>;
}

export const useCaseDataConfig = () => useContext(CaseDataConfigContext);
