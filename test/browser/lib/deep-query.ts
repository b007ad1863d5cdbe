import type { BrowserAdapter } from '../adapters/types.ts';

/** What `deepQuery` reports about each match: tag, attributes and trimmed text. */
export interface DeepMatch {
  tag: string;
  attributes: Record<string, string>;
  text: string;
  /** Live properties that attributes may not show (Lit binds `.value`/`?disabled`). */
  disabled: boolean;
  value: string | null;
  min: string | null;
  max: string | null;
}

export type DeepAction = 'query' | 'click' | 'set-value';

/**
 * Page function: finds elements through every open shadow root. `chain` is a list of selectors,
 * each searched inside (and inside the shadow roots of) the matches of the one before, e.g.
 * `['[data-testid=song-row][data-song-id="x"]', '[data-testid=play-song]']`. Self-contained on
 * purpose: it is sent to the page as source text.
 */
export const deepAct = (action: DeepAction, chain: string[], index: number, value: string) => {
  const within = (root: ParentNode, selector: string): Element[] => {
    const found = new Set<Element>();
    const visit = (node: ParentNode) => {
      if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
      for (const element of node.querySelectorAll(selector)) found.add(element);
      for (const element of node.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(root);
    return [...found];
  };
  let matches: Element[] = [document.documentElement];
  for (const selector of chain) matches = [...new Set(matches.flatMap((m) => within(m, selector)))];
  if (action === 'query') {
    return matches.map((element) => ({
      tag: element.tagName.toLowerCase(),
      attributes: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      disabled: Boolean((element as HTMLButtonElement).disabled),
      value: 'value' in element ? String((element as HTMLInputElement).value) : null,
      min: 'min' in element ? String((element as HTMLInputElement).min) : null,
      max: 'max' in element ? String((element as HTMLInputElement).max) : null,
    }));
  }
  const target = matches[index];
  if (!target) {
    throw new Error(
      `deep ${action}: ${JSON.stringify(chain)}[${index}] not found (${matches.length} matches)`,
    );
  }
  if (action === 'click') {
    (target as HTMLElement).click();
  } else {
    const input = target as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  return [];
};

/** Node-side helpers over `deepAct`; they behave the same through every adapter. */
export function createDeep(browser: BrowserAdapter) {
  const chainOf = (selector: string | string[]) =>
    Array.isArray(selector) ? selector : [selector];
  return {
    /** Every match, with attributes and text. */
    query: (selector: string | string[]): Promise<DeepMatch[]> =>
      browser.evaluate(deepAct, 'query', chainOf(selector), 0, ''),
    count: async (selector: string | string[]) =>
      (await browser.evaluate(deepAct, 'query', chainOf(selector), 0, '')).length,
    /** Clicks the `index`-th match; rejects naming the selector when there is none. */
    click: async (selector: string | string[], index = 0) => {
      await browser.evaluate(deepAct, 'click', chainOf(selector), index, '');
    },
    /** Sets an input's value and fires `input` and `change` (e.g. a range slider). */
    setValue: async (selector: string | string[], value: string, index = 0) => {
      await browser.evaluate(deepAct, 'set-value', chainOf(selector), index, value);
    },
  };
}

/** `[data-testid="name"]`, optionally with more attribute filters. */
export function byTestId(name: string, attributes: Record<string, string> = {}): string {
  const extra = Object.entries(attributes).map(([key, value]) => `[${key}="${value}"]`);
  return `[data-testid="${name}"]${extra.join('')}`;
}
