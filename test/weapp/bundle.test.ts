/**
 * The WeChat build as files: nothing that builds code from strings, syntax every supported phone
 * parses (ES2017; WXS at ES5), and package sizes within WeChat's 2 MB per package (measured the
 * way `npm run size` measures them).
 */
import { measure, PACKAGE_LIMIT } from '../../scripts/size';
import { codeFromStrings, syntaxProblems } from './checks/bundle';
import { DEFAULT_DIST } from './sim/mini-program';
import { recordFigure } from './support/figures';

test('the bundle never builds code from strings (only WeChat-allowed new Function("return this"))', () => {
  expect(codeFromStrings(DEFAULT_DIST)).toEqual([]);
});

test('every package parses as ES2017 and the WXS as ES5', () => {
  expect(syntaxProblems(DEFAULT_DIST)).toEqual([]);
});

test('the main package and each sub-package are under 2 MB', () => {
  const sizes = measure(DEFAULT_DIST);
  expect(sizes.has('main')).toBe(true);
  for (const [name, bytes] of sizes) {
    recordFigure('package-bytes', bytes, { package: name });
    expect({ name, bytes, under2MB: bytes < PACKAGE_LIMIT }).toEqual({ name, bytes, under2MB: true });
  }
});
