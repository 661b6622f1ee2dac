/**
 * FeeTrail's own settings file (config.json in the data folder): the recent books.
 * Written atomically (temp file + rename) so a crash never leaves half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const configSchema = z.object({
  recentBooks: z.array(z.object({ path: z.string(), lastOpenedAt: z.string() })).default([]),
  lastBookPath: z.string().nullable().default(null),
});

export type AppConfig = z.infer<typeof configSchema>;

const MAX_RECENT = 12;

export class ConfigStore {
  private readonly file: string;
  private config: AppConfig;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'config.json');
    this.config = this.load();
  }

  private load(): AppConfig {
    if (!existsSync(this.file)) return configSchema.parse({});
    try {
      return configSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged settings file must not stop the app: the books themselves are untouched by it.
      return configSchema.parse({});
    }
  }

  private save(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.config, null, 2), 'utf8');
    renameSync(tmp, this.file);
  }

  get(): AppConfig {
    return this.config;
  }

  touchRecent(path: string, at: string): void {
    const rest = this.config.recentBooks.filter((b) => b.path !== path);
    this.config = {
      ...this.config,
      recentBooks: [{ path, lastOpenedAt: at }, ...rest].slice(0, MAX_RECENT),
      lastBookPath: path,
    };
    this.save();
  }

  forgetRecent(path: string): void {
    this.config = {
      ...this.config,
      recentBooks: this.config.recentBooks.filter((b) => b.path !== path),
      lastBookPath: this.config.lastBookPath === path ? null : this.config.lastBookPath,
    };
    this.save();
  }
}
