import { GridLayout } from '@lit-labs/virtualizer/layouts/grid.js';
import './pruning-resize-observer.ts';

/**
 * Pixels rendered beyond the viewport, above and below. The virtualizer's own 1000 px meant about
 * three screens of rows in the page for one seen, and a fast scroll rebuilding all of them every
 * frame; half a screen keeps scrolling smooth and the work per frame a third.
 */
const OVERHANG_PX = 400;

type GridArgs = ConstructorParameters<typeof GridLayout>;

class ShortOverhangGrid extends GridLayout {
  constructor(sink: GridArgs[0], config?: GridArgs[1]) {
    super(sink, config);
    this._overhang = OVERHANG_PX;
  }
}

/** A grid of fixed-size cells (album and artist cards) that flex to fill the width. */
export function cardLayout(width: number, height: number, gap: number) {
  return {
    type: ShortOverhangGrid,
    itemSize: { width: `${width}px`, height: `${height}px` },
    gap: `${gap}px`,
    flex: { preserve: 'aspect-ratio' },
    justify: 'start',
  } as const;
}

/**
 * One column of rows of one height, as wide as the list: the virtualizer places rows by
 * arithmetic instead of measuring each one as it appears.
 */
export function rowLayout(width: number, height: number) {
  return {
    type: ShortOverhangGrid,
    itemSize: { width: `${width}px`, height: `${height}px` },
    gap: '0px',
    flex: { preserve: 'height' },
  } as const;
}
