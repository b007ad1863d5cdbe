/**
 * Runs `task` so that calls never overlap: a call made while one runs waits for it and then runs
 * once more (several such calls collapse into that one run).
 */
export function serialize(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  return function run(): Promise<void> {
    if (!running) {
      running = task().finally(() => {
        running = null;
      });
      return running;
    }
    again ??= running.then((): Promise<void> => {
      again = null;
      return run();
    });
    return again;
  };
}
