import { useContext } from 'react';
import { ApiContext } from './api-context';
import type { Transport } from './transport';

/** The transport chosen at start. Components call `useApi().invoke('area:verb', input)`. */
export function useApi(): Transport {
  const transport = useContext(ApiContext);
  if (transport === null) throw new Error('useApi() used outside <ApiContext.Provider>');
  return transport;
}
