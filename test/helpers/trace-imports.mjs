// `node --import ./test/helpers/trace-imports.mjs …`: prints `[import] <specifier>` to stderr for
// every package import (not relative or node: ones), so a test can tell what a process loaded.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (!/^(\\.|\\/|node:|file:|data:)/.test(specifier)) process.stderr.write('[import] ' + specifier + '\\n');
  return next(specifier, context);
}`)}`,
);
