/** One JSON line per request to stdout, errors to stderr: easy to ship to any log collector. */
export interface RequestLogLine {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  tenant?: string;
  desk?: string;
  user?: string;
}

export interface Logger {
  request(line: RequestLogLine): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export const jsonLogger: Logger = {
  request: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
  error: (message, detail) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', message, ...detail })}\n`),
};

export const silentLogger: Logger = { request: () => undefined, error: () => undefined };
