import { join } from 'node:path';

/**
 * Where the shell finds its parts, from the app's root (Electron's `app.getAppPath()`: the repo in
 * development, `resources/app.asar` when packaged) and the per-user data folder.
 */
export function appPaths(appRoot: string, userData: string) {
  return {
    /** The Vite build of renderer/ (renderer/vite.config.ts writes it there). */
    rendererDir: join(appRoot, 'dist', 'renderer'),
    /** The bundled preload: CommonJS, because sandboxed preloads cannot be ES modules. */
    preloadFile: join(appRoot, 'dist', 'main', 'app', 'preload.cjs'),
    windowStateFile: join(userData, 'window-state.json'),
  };
}
