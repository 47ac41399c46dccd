// The real config-file reader the CLI injects into resolveLintConfig.
import { readFileSync } from 'node:fs';
import { WhittleError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';

export function readConfigFile(file: string): Result<string | null> {
  try {
    return ok(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Discovery treats a directory with a config file's name as no file, as hadolint does.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return ok(null);
    const why = code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return err(new WhittleError('CONFIG', `cannot read config file: ${why}`, { file }));
  }
}
