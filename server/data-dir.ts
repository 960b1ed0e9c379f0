import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the embedded database lives when `--data` is not given: the user's data folder. */
export function defaultServerDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'CivicDesk Server');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'CivicDesk Server');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'civicdesk-server');
}
