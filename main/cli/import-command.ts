import { CliError } from './cli-error';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export async function importCommand(_values: Values, _positionals: string[]): Promise<number> {
  throw new CliError('import: not built yet');
}
