import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import type { BrowserAdapter, EngineName, LaunchOptions } from './types.ts';
import { launchWebKit } from './webkit.ts';

export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** Launches one engine by name, so a scenario can loop over engines. */
export function launchBrowser(name: EngineName, options?: LaunchOptions): Promise<BrowserAdapter> {
  switch (name) {
    case 'chromium':
      return launchChromium(options);
    case 'firefox':
      return launchFirefox(options);
    case 'webkit':
      return launchWebKit(options);
  }
}
