/** Scroll back to `y` once the page is tall enough (a view's data may still be arriving), bounded. */
export function restoreScroll(y: number, frames = 60): void {
  const fits = document.documentElement.scrollHeight - innerHeight >= y;
  if (fits || frames === 0) window.scrollTo(0, y);
  else requestAnimationFrame(() => restoreScroll(y, frames - 1));
}
