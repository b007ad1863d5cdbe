// Accompaniment generators: chord comping styles, bass lines, arpeggios and a sustained counter-line.
import { bassRoot, indexToPitch, isChordTone, pitchToIndex, voiceChord } from './theory.mjs';

/** Each generator walks the section's chord events and calls emit(beat, dur, pitch, vel). */
export function playChords(style, sec, state, emit) {
  const center = state.chordCenter;
  for (const ev of sec.chords) {
    const v = voiceChord(ev.chord, state.voicing, center, style === 'pad' ? 4 : 0);
    state.voicing = v;
    const vel = 64 * sec.energy;
    const each = (pattern, dur, f = 1) =>
      eachStep(ev, sec.bpb, pattern, (t, accent) => {
        for (const p of v) emit(t, dur, p, vel * f * accent);
      });
    if (style === 'pad') {
      for (const p of v) emit(ev.beat, ev.dur, p, vel * 0.95);
    } else if (style === 'stabs') each('x..x..x...x..x..', 0.45, 1.05);
    else if (style === 'bossa') each('x..x..x...x..x..', 0.5, 0.9);
    else if (style === 'block') each('x.......x.......', 1.9, 0.9);
    else if (style === 'pulse') each('x.x.x.x.x.x.x.x.', 0.4, 0.85);
    else if (style === 'waltz') each('....x...x...', 0.8, 0.85);
    else if (style === 'strum') strum(ev, sec, v, vel, emit);
    else if (style === 'arpeggio') arpeggio(ev, sec, v, vel, emit, 'x.x.x.x.x.x.x.x.');
    else if (style === 'arpeggio-slow') arpeggio(ev, sec, v, vel, emit, 'x...x...x...x...');
    else if (style === 'comp') jazzComp(ev, sec, state, v, vel, emit);
    else throw new Error(`unknown chord style ${style}`);
  }
}

export function playBass(style, sec, state, emit) {
  const low = state.bassLow;
  sec.chords.forEach((ev, i) => {
    const next = sec.chords[i + 1]?.chord ?? sec.nextChord ?? ev.chord;
    const root = bassRoot(ev.chord, state.bass ?? low + 7, low);
    state.bass = root;
    const fifth = root + (ev.chord.intervals.includes(6) ? 6 : 7);
    const vel = 92 * sec.energy;
    const at = (beat, dur, p, f = 1) => {
      if (beat < ev.dur - 1e-6) emit(ev.beat + beat, Math.min(dur, ev.dur - beat), p, vel * f);
    };
    if (style === 'root') at(0, ev.dur - 0.1, root);
    else if (style === 'pulse8') {
      for (let t = 0; t < ev.dur; t += 0.5)
        at(t, 0.42, t === ev.dur - 0.5 && ev.dur >= 4 ? root + 12 : root, t % 1 ? 0.75 : 1);
    } else if (style === 'rootfifth') {
      at(0, 1.6, root);
      at(2, 1.6, ev.dur >= 4 ? fifth - 12 * (fifth - 12 >= low ? 1 : 0) : fifth, 0.85);
    } else if (style === 'synco') {
      at(0, 0.7, root);
      at(0.75, 0.25, root, 0.6);
      at(1.5, 0.9, root, 0.85);
      at(2.5, 0.45, fifth, 0.8);
      at(3, 0.9, root, 0.9);
    } else if (style === 'walking') walking(ev, next, root, low, at, sec.rng);
    else if (style === 'bossa') {
      at(0, 1.4, root);
      at(1.5, 0.45, fifth, 0.8);
      at(2, 1.4, fifth, 0.85);
      at(3.5, 0.45, root, 0.75);
    } else if (style === 'waltz') {
      const bar = Math.round((ev.beat - sec.start) / sec.bpb);
      at(0, 0.9, bar % 2 && ev.dur >= 3 ? fifth - 12 * (fifth - 12 >= low ? 1 : 0) : root);
    } else if (style === 'folk') {
      at(0, 0.9, root);
      at(2, 0.9, fifth - 12 * (fifth - 12 >= low ? 1 : 0), 0.85);
      at(3.5, 0.45, root, 0.6);
    } else throw new Error(`unknown bass style ${style}`);
  });
}

/** Synth arpeggio: 16ths up through the chord over two octaves. */
export function playArp(style, sec, state, emit) {
  for (const ev of sec.chords) {
    const v = voiceChord(ev.chord, null, state.arpCenter, 0);
    const notes = [...v, ...v.map((p) => p + 12)];
    const order = style === 'updown' ? [...notes, ...notes.slice(1, -1).reverse()] : notes;
    let i = 0;
    for (let t = 0; t < ev.dur - 1e-6; t += 0.25, i++) {
      emit(ev.beat + t, 0.22, order[i % order.length], 58 * sec.energy * (t % 1 ? 0.8 : 1));
    }
  }
}

/** Sustained counter-line: one chord tone per chord, moving by the smallest step. */
export function playCounter(_style, sec, state, emit) {
  for (const ev of sec.chords) {
    let idx = pitchToIndex(ev.chord, state.counter ?? state.counterCenter);
    for (let d = 0; d < 4 && !isChordTone(ev.chord, idx); d++) {
      idx += isChordTone(ev.chord, idx - 1) ? -1 : 1;
    }
    const p = indexToPitch(ev.chord, idx);
    state.counter = Math.abs(p - state.counterCenter) > 7 ? state.counterCenter : p;
    emit(ev.beat, ev.dur, p, 60 * sec.energy);
  }
}

function eachStep(ev, bpb, pattern, fn) {
  for (let s = 0; s < ev.dur * 4; s++) {
    const ch = pattern[(s + Math.round(((ev.beat % bpb) + bpb) % bpb) * 4) % pattern.length];
    if (ch === 'x') fn(ev.beat + s / 4, s % 4 === 0 ? 1 : 0.85);
  }
}

function strum(ev, sec, v, vel, emit) {
  const notes = [v[0] - 12, ...v, v[1] + 12];
  const pattern = sec.bpb === 3 ? 'D.DUDU' : 'D.DU.UDU';
  for (let s = 0; s < ev.dur * 2; s++) {
    const c = pattern[s % pattern.length];
    if (c === '.') continue;
    const order = c === 'D' ? notes : [...notes].reverse().slice(0, 4);
    const f = c === 'D' ? (s % 2 ? 0.8 : 1) : 0.6;
    order.forEach((p, k) => {
      emit(ev.beat + s / 2 + k * 0.018, 0.5 - k * 0.018, p, vel * f);
    });
  }
}

function arpeggio(ev, sec, v, vel, emit, pattern) {
  const bassNote = v[0] - 12 * (v[0] - 12 >= 36 ? 1 : 0);
  const notes = [bassNote, v[0] + 7 - (v[0] + 7 > v[1] + 12 ? 12 : 0), ...v.slice(1), v[0] + 12];
  let i = 0;
  eachStep(ev, sec.bpb, pattern, (t) => {
    const p = notes[i % notes.length];
    emit(t, i === 0 ? ev.dur - (t - ev.beat) : 1.2, p, vel * (i === 0 ? 0.95 : 0.75));
    i++;
  });
}

function jazzComp(ev, sec, state, v, vel, emit) {
  const rootless = v.filter((p) => p % 12 !== ev.chord.root); // the bass has the root
  const shell = rootless.length >= 3 ? rootless : v;
  const rhythms = [
    [
      [0, 0.6],
      [1.5, 1.2],
    ],
    [
      [1, 0.4],
      [2.5, 1],
    ],
    [
      [0.5, 0.4],
      [2, 0.8],
      [3.5, 0.5],
    ],
    [
      [0, 1.4],
      [2.5, 0.4],
    ],
  ];
  const r = rhythms[(sec.rng.int(rhythms.length) + state.compTurn++) % rhythms.length];
  for (const [t, d] of r) {
    if (t >= ev.dur) continue;
    for (const p of shell) emit(ev.beat + t, d, p, vel * 0.9);
  }
}

function walking(ev, next, root, low, at, rng) {
  // Up or down through the chord tones, then a chromatic approach into the next root.
  const steps = Math.round(ev.dur);
  const target = bassRoot(next, root, low);
  const tones = ev.chord.intervals.filter((iv) => iv < 12).map((iv) => root + iv);
  const up = root + 12 <= low + 19 && rng.chance(0.6);
  const line = up
    ? [...tones, root + 12, ...tones.slice(1).reverse()]
    : [
        root,
        ...tones
          .slice(1)
          .reverse()
          .map((p) => p - 12),
      ];
  for (let b = 0; b < steps; b++) {
    let p = line[b % line.length];
    if (b === steps - 1 && steps > 1) p = target + (target > p ? -1 : 1);
    while (p < low) p += 12;
    at(b, 0.9, p, b === 0 ? 1 : 0.85);
  }
}
