import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnOwned } from './owned-process.ts';
import { requireExecutable } from './require-executable.ts';
import { waitFor } from './wait.ts';

export interface SoundServer {
  /** Value for PULSE_SERVER in the browser's environment. */
  readonly server: string;
  stop(): Promise<void>;
}

/**
 * Starts a private PulseAudio with a null sink for one browser. Firefox reports media error 3
 * (`OnMediaSinkAudioError`) without an audio device. A private daemon (own runtime dir and socket,
 * nothing loaded from default.pa) needs no session bus, works as root, ignores any daemon already
 * running and is stopped with the browser, so parallel test files never share or kill it.
 */
export async function startPulseAudio(timeoutMs = 10_000): Promise<SoundServer> {
  const binary = requireExecutable(
    '/usr/bin/pulseaudio',
    'pulseaudio',
    'PulseAudio (audio sink for Firefox)',
  );
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-pulse-'));
  const socket = join(dir, 'native');
  const owned = spawnOwned(
    binary,
    [
      '-n',
      '--daemonize=no',
      '--exit-idle-time=-1',
      '--use-pid-file=no',
      '--log-target=stderr',
      `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
      '--load=module-null-sink sink_name=tapedeck',
    ],
    {
      env: {
        ...process.env,
        HOME: dir,
        XDG_RUNTIME_DIR: dir,
        PULSE_RUNTIME_PATH: dir,
        PULSE_STATE_PATH: dir,
      },
    },
  );
  const stop = async () => {
    await owned.stop(1000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      () => {
        if (owned.hasExited()) throw new Error(`pulseaudio exited:\n${owned.output()}`);
        return existsSync(socket);
      },
      { timeoutMs, intervalMs: 50, message: `PulseAudio socket ${socket}` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { server: `unix:${socket}`, stop };
}
