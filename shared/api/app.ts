import { z } from 'zod';
import { call } from './define';

/** Which door the UI came through: the desktop app, the browser host, or an in-process test. */
export type Door = 'desktop' | 'web' | 'cli';

export type AppInfo = {
  name: string;
  version: string;
  door: Door;
  /** The folder holding FeeTrail's config, default book and backups (OS user-data/FeeTrail). */
  dataDir: string;
  defaultBookPath: string;
  platform: string;
};

export const appCalls = {
  'app:info': call<AppInfo>()(z.object({}).strict()),
};
