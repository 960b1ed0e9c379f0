import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'CivicDesk';
export const DESK_DATABASE_FILE = 'desk.sqlite';

/** The per-user application data folder, where Electron's app.getPath('userData') points too. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

export const deskDatabasePath = (dataDir: string): string => join(dataDir, DESK_DATABASE_FILE);
