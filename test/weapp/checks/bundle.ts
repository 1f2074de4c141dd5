/**
 * Checks on the files WeChat would load, independent of running them:
 * - no code built from strings at run time (`eval(…)`, `new Function(…)`, `Function(…)`), which
 *   WeChat refuses; the one exception is `new Function("return this")`, webpack's global lookup,
 *   which WeChat allows;
 * - every package's JavaScript parses at the syntax level we promise phones (ES2017), and the WXS
 *   at ES5 (WXS is an ES5 dialect).
 * Found by parsing (acorn), so words inside strings and comments do not count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type Node } from 'acorn';

export const SYNTAX_LEVEL = 2017;
const ALLOWED_FUNCTION_SOURCE = 'return this';

export function filesUnder(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), ext) : e.name.endsWith(ext) ? [path.join(dir, e.name)] : []));
}

type AnyNode = Node & Record<string, unknown>;

function walk(node: unknown, visit: (n: AnyNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  const n = node as AnyNode;
  if (typeof n.type === 'string') visit(n);
  for (const key of Object.keys(n)) if (key !== 'loc' && key !== 'start' && key !== 'end') walk(n[key], visit);
}

const isIdentifier = (n: unknown, name: string) => !!n && (n as AnyNode).type === 'Identifier' && (n as AnyNode).name === name;

function isAllowedFunction(n: AnyNode): boolean {
  const args = n.arguments as AnyNode[];
  return args.length === 1 && args[0].type === 'Literal' && args[0].value === ALLOWED_FUNCTION_SOURCE;
}

/** `file:line  code` for every eval / Function constructor call other than the allowed one. */
export function codeFromStrings(distDir: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(distDir, '.js')) {
    const source = fs.readFileSync(file, 'utf8');
    const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true });
    walk(ast, (n) => {
      if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return;
      const callee = n.callee as AnyNode;
      const evalCall = n.type === 'CallExpression' && isIdentifier(callee, 'eval');
      const functionCall = isIdentifier(callee, 'Function') && !isAllowedFunction(n);
      if (evalCall || functionCall) {
        const line = n.loc?.start.line ?? 0;
        found.push(`${path.relative(distDir, file)}:${line}  ${source.slice(n.start, Math.min(n.end, n.start + 60))}`);
      }
    });
  }
  return found;
}

/** Files that do not parse at the promised level, with the parser's message. */
export function syntaxProblems(distDir: string): string[] {
  const problems: string[] = [];
  const check = (files: string[], ecmaVersion: 5 | typeof SYNTAX_LEVEL) => {
    for (const file of files) {
      try {
        parse(fs.readFileSync(file, 'utf8'), { ecmaVersion, sourceType: 'script' });
      } catch (err) {
        problems.push(`${path.relative(distDir, file)} (ES${ecmaVersion === 5 ? 5 : ecmaVersion}): ${(err as Error).message}`);
      }
    }
  };
  check(filesUnder(distDir, '.js'), SYNTAX_LEVEL);
  check(filesUnder(distDir, '.wxs'), 5);
  return problems;
}
