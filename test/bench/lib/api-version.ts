import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Which Tapedeck server code a round ran: the last commit touching api/, plus a short hash of
 * uncommitted changes there. The api/ files are read afresh at every start, so a run that spans
 * an edit measures two versions; the report says so.
 */
export function describeApiVersion(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 10_000 }).trim();
  try {
    const commit = git('log', '-1', '--format=%h %s', '--', 'api');
    const diff = git('diff', 'HEAD', '--', 'api');
    const untracked = git('ls-files', '--others', '--exclude-standard', '--', 'api');
    if (!diff && !untracked) return commit;
    const dirty = createHash('sha256').update(diff).update(untracked).digest('hex').slice(0, 8);
    return `${commit} + uncommitted changes in api/ (${dirty})`;
  } catch {
    return 'unknown (no git)';
  }
}
