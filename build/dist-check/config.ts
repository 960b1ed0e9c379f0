import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { problem, settingPath, type Problem } from './problems';

const require = createRequire(import.meta.url);

/** The electron-builder configuration as parsed YAML; everything else treats it as unknown data. */
export function loadBuilderConfig(file: string): unknown {
  return load(readFileSync(file, 'utf8'), { filename: file });
}

let validator: ValidateFunction | undefined;

/** electron-builder's own JSON schema, from the installed app-builder-lib: offline, and the same version that builds. */
function schemaValidator(): ValidateFunction {
  if (!validator) {
    const schema: unknown = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    if (typeof schema !== 'object' || schema === null) throw new Error('app-builder-lib/scheme.json is not a JSON schema');
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

const pathOf = (error: ErrorObject): string => {
  const parts: (string | number)[] = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params['additionalProperty']));
  return settingPath(parts) || '(top level)';
};

const messageOf = (error: ErrorObject): string => {
  if (error.keyword === 'additionalProperties') return 'is not a setting electron-builder knows here (misspelt, or in the wrong section)';
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify(error.params['allowedValues'])}`;
  return error.message ?? error.keyword;
};

/**
 * Schema problems, one per real mistake. Nullable settings are `anyOf: [object, null]` in the
 * schema, so a mistake inside one also yields "must be null" and "must match a schema in anyOf"
 * for every enclosing setting; those echoes are dropped when a more precise error explains them.
 */
export function validateAgainstSchema(config: unknown): Problem[] {
  const validate = schemaValidator();
  if (validate(config)) return [];
  const errors = validate.errors ?? [];
  const isEcho = (error: ErrorObject): boolean => {
    const branching = error.keyword === 'anyOf' || error.keyword === 'oneOf' || /\/(anyOf|oneOf)\/\d+\/type$/.test(error.schemaPath);
    if (!branching) return false;
    return errors.some(
      (other) =>
        other !== error &&
        other.keyword !== 'anyOf' &&
        other.keyword !== 'oneOf' &&
        !/\/(anyOf|oneOf)\/\d+\/type$/.test(other.schemaPath) &&
        (other.instancePath === error.instancePath || other.instancePath.startsWith(`${error.instancePath}/`)),
    );
  };
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors.filter((candidate) => !isEcho(candidate))) {
    const found = problem('schema', pathOf(error), messageOf(error));
    const key = `${found.where}\0${found.message}`;
    if (!seen.has(key)) problems.push(found);
    seen.add(key);
  }
  return problems;
}
