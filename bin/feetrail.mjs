#!/usr/bin/env node
// `npx feetrail …` runs the TypeScript CLI straight from source through tsx: no build step needed.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../electron/cli/index.ts', import.meta.url).href);
