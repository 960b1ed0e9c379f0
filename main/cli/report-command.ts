import { CliError } from './cli-error';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export async function reportCommand(_values: Values): Promise<number> {
  throw new CliError('report: not built yet');
}
