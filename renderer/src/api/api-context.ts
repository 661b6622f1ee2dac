import { createContext } from 'react';
import type { Transport } from './transport';

export const ApiContext = createContext<Transport | null>(null);
