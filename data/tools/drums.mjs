// General MIDI drum patterns on a 16th-note grid (12 steps for 3/4), with fills and crashes.

export const KIT = {
  kick: 36,
  side: 37,
  snare: 38,
  clap: 39,
  floor: 41,
  chh: 42,
  phh: 44,
  lowtom: 45,
  ohh: 46,
  midtom: 47,
  hitom: 50,
  crash: 49,
  ride: 51,
  bell: 53,
  tamb: 54,
  cowbell: 56,
  shaker: 70,
  conga: 63,
  lowconga: 64,
  claves: 75,
};

const VEL = { X: 112, x: 88, o: 62, g: 34 };

/** Patterns: one bar each; letters are velocities (X accent, x normal, o soft, g ghost). */
export const PATTERNS = {
  drive: {
    kick: 'X...x...X...x...',
    clap: '....X.......X...',
    chh: 'o.o.o.o.o.o.o.o.',
    ohh: '..x...x...x...x.',
  },
  pop: {
    kick: 'X.....x.X.....o.',
    snare: '....X.......X...',
    chh: 'x.o.x.o.x.o.x.o.',
  },
  'pop-light': {
    kick: 'X.......X.....o.',
    side: '....x.......x...',
    chh: 'o.g.o.g.o.g.o.g.',
  },
  halftime: {
    kick: 'X.........x.....',
    snare: '........X.......',
    chh: 'x.o.x.o.x.o.x.o.',
  },
  ballad: {
    kick: 'X.......x.x.....',
    side: '....x.......x...',
    chh: 'o...o...o...o...',
    shaker: 'g.g.g.g.g.g.g.g.',
  },
  'ballad-full': {
    kick: 'X.......x.x.....',
    snare: '....X.......X...',
    chh: 'x.o.x.o.x.o.x.o.',
  },
  folk: {
    kick: 'X.......X.......',
    snare: '....x.......x...',
    tamb: '..o...o...o...o.',
    shaker: 'g.g.g.g.g.g.g.g.',
  },
  train: {
    kick: 'X.......X.......',
    snare: 'g.g.x.g.g.g.x.g.',
    chh: 'o.o.o.o.o.o.o.o.',
    tamb: '....x.......x...',
  },
  shaker: {
    shaker: 'o.g.o.g.o.g.o.g.',
  },
  swing: {
    ride: 'x...x.o.x...x.o.',
    phh: '....x.......x...',
    kick: 'g...g...g...g...',
  },
  'swing-brush': {
    snare: 'g.g.g.g.g.g.g.g.',
    phh: '....o.......o...',
  },
  bossa: {
    kick: 'x..ox..ox..ox..o',
    side: 'x..x..x...x..x..',
    chh: 'o.o.o.o.o.o.o.o.',
  },
  'bossa-light': {
    side: 'o..o..o...o..o..',
    shaker: 'g.g.g.g.g.g.g.g.',
  },
  waltz: {
    kick: 'X...........',
    snare: '....o...o...',
    chh: 'x.o.x.o.x.o.',
  },
  'waltz-full': {
    kick: 'X.......o...',
    snare: '....x...x...',
    chh: 'x.o.x.o.x.o.',
    tamb: '....o...o...',
  },
  'waltz-light': {
    shaker: 'o.g.o.g.o.g.',
    side: '....g...g...',
  },
};

const FILLS = [
  { snare: '........x.x.xxXX' },
  {
    snare: '........xx......',
    hitom: '..........xx....',
    midtom: '............xx..',
    lowtom: '..............xX',
  },
  { hitom: '........x.x.....', midtom: '............x.x.', floor: '..............xX' },
  { snare: '........o.x.x.x.', floor: '............x.x.' },
];

/**
 * Adds one bar of drums. `opts.fill` replaces the second half with a fill (by index),
 * `opts.crash` adds a crash on the downbeat. Calls hit(beat, note, velocity, dur).
 */
export function drumBar(style, bpb, opts, hit) {
  const pattern = PATTERNS[style];
  if (!pattern) throw new Error(`unknown drum style ${style}`);
  const steps = bpb * 4;
  const fill = opts.fill === undefined ? null : FILLS[opts.fill % FILLS.length];
  const fillFrom = steps / 2;
  for (const [voice, line] of Object.entries(pattern)) {
    for (let s = 0; s < steps; s++) {
      if (fill && s >= fillFrom && voice !== 'kick' && voice !== 'shaker') continue;
      const c = line[s % line.length];
      if (c in VEL) hit(s / 4, KIT[voice], VEL[c], 0.25);
    }
  }
  if (fill) {
    for (const [voice, line] of Object.entries(fill)) {
      for (let s = fillFrom; s < steps; s++) {
        const c = line[16 - (steps - s)]; // fills end on the bar line, whatever the metre
        if (c in VEL)
          hit(s / 4, KIT[voice], VEL[c] * (0.8 + (0.2 * (s - fillFrom)) / fillFrom), 0.25);
      }
    }
  }
  if (opts.crash) hit(0, KIT.crash, 100, 1);
}
