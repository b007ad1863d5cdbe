import { type OwnedProcess, spawnOwned } from './owned-process.ts';
import { requireExecutable } from './require-executable.ts';
import { withTimeout } from './with-timeout.ts';

export interface XServer {
  /** Value for DISPLAY, e.g. `:99`. */
  readonly display: string;
  stop(): Promise<void>;
}

/**
 * Starts a private Xvfb on a display number the server picks itself (`-displayfd`), so tests
 * need no `xvfb-run` wrapper and parallel runs never race for a display number.
 */
export async function startXvfb(timeoutMs = 10_000): Promise<XServer> {
  const binary = requireExecutable(
    '/usr/bin/Xvfb',
    'xvfb',
    'Xvfb (virtual X server for WebKitGTK)',
  );
  const owned: OwnedProcess = spawnOwned(
    binary,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { extraStdio: ['pipe'] },
  );
  const fd3 = owned.child.stdio[3];
  if (!fd3 || !('on' in fd3)) throw new Error('Xvfb: no pipe for -displayfd');
  const displayNumber = new Promise<string>((resolve, reject) => {
    let text = '';
    fd3.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    void owned.exited.then((how) =>
      reject(new Error(`Xvfb exited (${how}) before reporting a display:\n${owned.output()}`)),
    );
  });
  let display: string;
  try {
    display = `:${await withTimeout(displayNumber, timeoutMs, 'Xvfb did not report its display')}`;
  } catch (error) {
    await owned.stop(500);
    throw error;
  }
  return { display, stop: () => owned.stop(1000) };
}
