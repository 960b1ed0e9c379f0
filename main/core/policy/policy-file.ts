import { readFileSync, statSync } from 'node:fs';
import { describePolicyIssues, MachinePolicySchema, type MachinePolicy } from '../../../shared/domain/machine-policy';

/** What the desk made of IT's policy file: none, a valid one, or one it could not use (and why). */
export type PolicyFile =
  | { status: 'absent'; path: string }
  | { status: 'valid'; path: string; policy: MachinePolicy }
  | { status: 'invalid'; path: string; problems: string[] };

/** A policy is a few hundred bytes; anything this large is not one. */
const MAX_POLICY_BYTES = 256 * 1024;

/**
 * Where IT deploys the machine-wide policy. A fixed path per OS, writable only by administrators;
 * the packaged app reads no other. Not even %ProgramData%: a user may set an environment variable
 * of that name for their own account, and so point the desk at a policy of their own.
 */
export function machinePolicyPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'C:\\ProgramData\\CivicDesk\\policy.json';
  if (platform === 'darwin') return '/Library/Application Support/CivicDesk/policy.json';
  return '/etc/civicdesk/policy.json';
}

/** Reads and validates the policy file. Never throws: a file it cannot use is a verdict with its reasons. */
export function readMachinePolicy(path: string): PolicyFile {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_POLICY_BYTES) return { status: 'invalid', path, problems: [`the file is ${size} bytes; a policy is at most ${MAX_POLICY_BYTES}`] };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'absent', path };
    if (code === 'EACCES' || code === 'EPERM') return { status: 'invalid', path, problems: ['the file cannot be read by this user: IT must let every user read it'] };
    return { status: 'invalid', path, problems: [`the file cannot be read (${error instanceof Error ? error.message : String(error)})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { status: 'invalid', path, problems: [describeJsonError(text, error)] };
  }
  const parsed = MachinePolicySchema.safeParse(json);
  if (!parsed.success) return { status: 'invalid', path, problems: describePolicyIssues(parsed.error) };
  return { status: 'valid', path, policy: parsed.data };
}

/** "line 4, column 18: …" from JSON.parse's message, which gives only a character position. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return `not valid JSON: ${message}`;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}
