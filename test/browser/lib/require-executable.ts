import { accessSync, constants } from 'node:fs';

/**
 * Fails (never skips) when a browser, driver or helper is missing, naming the Debian package that
 * provides it.
 */
export function requireExecutable(path: string, debianPackage: string, what: string): string {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(
      `${what} is not installed (${path} is missing or not executable). ` +
        `Install the Debian package: apt-get install -y --no-install-recommends ${debianPackage}`,
    );
  }
}
