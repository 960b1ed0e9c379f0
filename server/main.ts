import { describeFailure, runCli, UsageError } from './cli/commands';

/** `npm run server -- …`: start the server, or run an account command. One clear line on failure. */
runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
  const line = describeFailure(error);
  if (line) {
    process.stderr.write(`civicdesk-server: ${line}\n`);
  } else {
    process.stderr.write(`civicdesk-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(error instanceof UsageError ? 2 : 1);
});
