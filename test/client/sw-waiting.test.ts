import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchWaiting } from '../../client/sw-waiting.ts';

/** A registration and its workers as plain EventTargets, with states set by the test. */
function fakeRegistration() {
  const registration = Object.assign(new EventTarget(), {
    installing: null as EventTarget | null,
    waiting: null as EventTarget | null,
  });
  const install = () => {
    const worker = new EventTarget();
    registration.installing = worker;
    registration.dispatchEvent(new Event('updatefound'));
    return {
      installed() {
        registration.installing = null;
        registration.waiting = worker;
        worker.dispatchEvent(new Event('statechange'));
      },
    };
  };
  return {
    registration: registration as unknown as ServiceWorkerRegistration,
    raw: registration,
    install,
  };
}
const controlled = (yes: boolean) =>
  vi.stubGlobal('navigator', { serviceWorker: { controller: yes ? {} : null } });

afterEach(() => vi.unstubAllGlobals());

describe('watchWaiting: the update card follows the registration, not who started the install', () => {
  it('a worker already waiting when the page registers is an update', () => {
    controlled(true);
    const { registration, raw } = fakeRegistration();
    raw.waiting = new EventTarget();
    const seen = vi.fn();
    watchWaiting(registration, seen);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('a worker already installing when the page registers is reported once it waits', () => {
    controlled(true);
    const { registration, raw } = fakeRegistration();
    const worker = new EventTarget();
    raw.installing = worker;
    const seen = vi.fn();
    watchWaiting(registration, seen);
    expect(seen).not.toHaveBeenCalled();
    raw.installing = null;
    raw.waiting = worker;
    worker.dispatchEvent(new Event('statechange'));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('an install found later is followed too', () => {
    controlled(true);
    const { registration, install } = fakeRegistration();
    const seen = vi.fn();
    watchWaiting(registration, seen);
    install().installed();
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('the first install on a page no worker controls is not an update', () => {
    controlled(false);
    const { registration, install } = fakeRegistration();
    const seen = vi.fn();
    watchWaiting(registration, seen);
    install().installed();
    expect(seen).not.toHaveBeenCalled();
  });
});
