import ts from 'typescript';
import { problem, type Problem } from './problems';

/** The name window.ts exports its webPreferences under. */
export const WEB_PREFERENCES_CONSTANT = 'CONSOLE_WEB_PREFERENCES';

/** DESIGN.md "Security": isolated, sandboxed, no Node anywhere, web security on, nothing experimental. */
export const REQUIRED_WEB_PREFERENCES: Readonly<Record<string, boolean>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
};
/** Settings that only ever weaken the window. */
const FORBIDDEN_WEB_PREFERENCES = ['enableBlinkFeatures', 'additionalArguments', 'disableHtmlFullscreenWindowResize'];

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) || ts.isTypeAssertionExpression(node)
    ? unwrap(node.expression)
    : node;

const nameOf = (name: ts.PropertyName): string | undefined =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;

/**
 * Reads the window's security settings from main/app/window.ts: the exported constant must hold
 * every required setting with its required value, and every `webPreferences` in the file must be
 * `{ ...CONSOLE_WEB_PREFERENCES, preload }` and nothing else, so no window can be made weaker.
 */
export function checkWebPreferencesSource(source: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const fail = (where: string, message: string) => problems.push(problem('shell security', `${file} ${where}`, message));
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

  let constant: ts.ObjectLiteralExpression | undefined;
  const usages: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === WEB_PREFERENCES_CONSTANT && node.initializer) {
      const value = unwrap(node.initializer);
      if (ts.isObjectLiteralExpression(value)) constant = value;
    }
    if (ts.isPropertyAssignment(node) && nameOf(node.name) === 'webPreferences') usages.push(unwrap(node.initializer));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  if (!constant) {
    fail(WEB_PREFERENCES_CONSTANT, 'is not declared as an object literal; the window\'s settings cannot be checked');
    return problems;
  }
  const values = new Map<string, ts.Expression>();
  for (const property of constant.properties) {
    const name = ts.isPropertyAssignment(property) ? nameOf(property.name) : undefined;
    if (!name || !ts.isPropertyAssignment(property)) {
      fail(WEB_PREFERENCES_CONSTANT, `holds "${property.getText(sourceFile)}", which is not a plain setting`);
      continue;
    }
    values.set(name, unwrap(property.initializer));
  }
  for (const [name, required] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
    const value = values.get(name);
    const literal = value?.kind === ts.SyntaxKind.TrueKeyword ? true : value?.kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
    if (value === undefined) fail(`${WEB_PREFERENCES_CONSTANT}.${name}`, `is missing; it must be ${required}`);
    else if (literal !== required) fail(`${WEB_PREFERENCES_CONSTANT}.${name}`, `is ${value.getText(sourceFile)}; it must be ${required}`);
  }
  for (const name of FORBIDDEN_WEB_PREFERENCES.filter((name) => values.has(name))) {
    fail(`${WEB_PREFERENCES_CONSTANT}.${name}`, 'must not be set');
  }

  if (usages.length === 0) fail('webPreferences', `no window uses ${WEB_PREFERENCES_CONSTANT}`);
  for (const usage of usages) {
    const line = sourceFile.getLineAndCharacterOfPosition(usage.getStart(sourceFile)).line + 1;
    const ok =
      ts.isObjectLiteralExpression(usage) &&
      usage.properties.some((p) => ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression) && p.expression.text === WEB_PREFERENCES_CONSTANT) &&
      usage.properties.every(
        (p) =>
          (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression) && p.expression.text === WEB_PREFERENCES_CONSTANT) ||
          ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && nameOf(p.name) === 'preload'),
      );
    if (!ok) fail(`line ${line}`, `webPreferences must be { ...${WEB_PREFERENCES_CONSTANT}, preload } and nothing else`);
  }
  return problems;
}

/** Weakening settings as esbuild's minifier writes them (`!0` is true, `!1` false), or unminified. */
const WEAKENING_IN_BUNDLE: readonly [RegExp, string][] = [
  [/\bcontextIsolation:\s*(!1|false)\b/, 'contextIsolation turned off'],
  [/\bsandbox:\s*(!1|false)\b/, 'sandbox turned off'],
  [/\bnodeIntegration(InSubFrames|InWorker)?:\s*(!0|true)\b/, 'Node integration turned on'],
  [/\bwebSecurity:\s*(!1|false)\b/, 'webSecurity turned off'],
  [/\ballowRunningInsecureContent:\s*(!0|true)\b/, 'insecure content allowed'],
  [/\bexperimentalFeatures:\s*(!0|true)\b/, 'experimental features turned on'],
  [/\bwebviewTag:\s*(!0|true)\b/, 'webview tags allowed'],
  [/\benableBlinkFeatures:/, 'Blink features enabled'],
  [/\bregisterFileProtocol\(|\bloadFile\(/, 'a file:// page (the console is served from app://)'],
];
const REQUIRED_IN_BUNDLE: readonly [RegExp, string][] = [
  [/\bcontextIsolation:\s*(!0|true)\b/, 'contextIsolation: true'],
  [/\bsandbox:\s*(!0|true)\b/, 'sandbox: true'],
  [/\bnodeIntegration:\s*(!1|false)\b/, 'nodeIntegration: false'],
  [/\.enableSandbox\(\)/, 'app.enableSandbox()'],
];

/** The built main bundle (what ships) says the same: the settings are there and nothing weakens them. */
export function checkShellBundle(bundle: string, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [pattern, what] of WEAKENING_IN_BUNDLE) {
    const match = pattern.exec(bundle);
    if (match) problems.push(problem('shell security', file, `contains ${what}: "${match[0]}"`));
  }
  for (const [pattern, what] of REQUIRED_IN_BUNDLE) {
    if (!pattern.test(bundle)) problems.push(problem('shell security', file, `does not contain ${what}`));
  }
  return problems;
}
