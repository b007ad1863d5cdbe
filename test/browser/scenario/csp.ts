/**
 * Page function: elements whose `style` attribute the browser did not apply. The server's CSP
 * forbids inline `<style>` but for index.html's hashed one, and allows style attributes through
 * `style-src-attr` (Lit binds `style="--p: 40%"`): an engine that ignored that directive would
 * apply none of them, and rows, sliders and covers would lose their values.
 */
export const unappliedStyleAttributes = () => {
  const refused: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) visit(element.shadowRoot);
      const text = element.getAttribute('style');
      if (text?.trim() && (element as HTMLElement).style?.length === 0) {
        refused.push(`<${element.localName} style="${text}">`);
      }
    }
  };
  visit(document);
  return refused;
};

/** Page function: whether index.html's inline design tokens apply (allowed by their hash). */
export const designTokensApplied = () =>
  getComputedStyle(document.documentElement).getPropertyValue('--td-accent').trim() !== '';
