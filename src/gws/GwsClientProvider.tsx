import { createContext, useContext, type ReactNode } from 'react';
import type { GwsClient } from './http/gwsClient';

const GwsClientContext = createContext<GwsClient | null>(null);

export function GwsClientProvider({ client, children }: { client: GwsClient; children: ReactNode }) {
  return <GwsClientContext.Provider value={client}>{children}</GwsClientContext.Provider>;
}

export function useGwsClient(): GwsClient {
  const client = useContext(GwsClientContext);
  if (!client) throw new Error('Missing GwsClientProvider');
  return client;
}
