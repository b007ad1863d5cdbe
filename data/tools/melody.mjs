// Melody writer: a two-bar motif, repeated and varied over the phrase, snapped to chord tones on
// strong beats, ending each phrase on a cadence. Works in scale-step space (see theory.mjs).
import { indexToPitch, isChordTone, pitchToIndex, snapToChord } from './theory.mjs';

const CELLS = {
  4: {
    sparse: [
      [2, 2],
      [3, 1],
      [1, 1, 2],
      [2, 1, 1],
      [1.5, 0.5, 2],
      [-1, 1, 2],
      [1.5, 2.5],
    ],
    medium: [
      [1, 1, 1, 1],
      [1.5, 0.5, 1, 1],
      [1, 0.5, 0.5, 2],
      [0.5, 0.5, 1, 2],
      [1, 1, 2],
      [-0.5, 0.5, 1, 1, 1],
      [1.5, 1.5, 1],
      [0.5, 1, 0.5, 2],
      [-1, 0.5, 0.5, 1, 1],
    ],
    busy: [
      [0.5, 0.5, 0.5, 0.5, 1, 1],
      [0.5, 0.5, 1, 0.5, 0.5, 1],
      [0.75, 0.75, 0.5, 1, 1],
      [-0.5, 0.5, 0.5, 0.5, 1, 1],
      [1, 0.5, 0.5, 0.5, 0.5, 1],
      [0.5, 1, 0.5, 0.5, 1.5],
    ],
    cadence: [[1, 1, 2], [1, 3], [4], [0.5, 0.5, 3], [1.5, 0.5, 2]],
  },
  3: {
    sparse: [[2, 1], [3], [1, 2], [1.5, 0.5, 1]],
    medium: [
      [1, 1, 1],
      [1.5, 0.5, 1],
      [1, 0.5, 0.5, 1],
      [2, 0.5, 0.5],
      [-1, 1, 1],
      [0.5, 0.5, 2],
    ],
    busy: [
      [0.5, 0.5, 1, 1],
      [0.5, 0.5, 0.5, 0.5, 1],
      [1, 0.5, 0.5, 0.5, 0.5],
    ],
    cadence: [[1, 2], [3], [2, 1]],
  },
};

/** Plans a phrase of `bars` bars (4, 8 or 16) as bar descriptions; pure data, no pitches yet. */
export function planMelody(rng, bpb, density, bars) {
  const cells = CELLS[bpb];
  const pool = cells[density];
  const dir = rng.pick([1, -1, 1]);
  const bar = (cell, start, contour) => ({ cell, start, steps: makeSteps(rng, cell, contour) });
  const a = bar(rng.pick(pool), 0, dir);
  const aEnd = a.steps.reduce((s, x) => s + x, 0);
  const b = bar(rng.pick(pool), aEnd + rng.pick([-1, 1, 2]), -dir);
  const b2 = bar(rng.pick(cells.cadence.slice(0, 2)), b.start + rng.pick([-1, 1]), -dir);
  const d = bar(rng.pick(pool), aEnd + 2, dir);
  const half = { ...bar(rng.pick(cells.cadence), 1, -1), cadence: 'half' };
  const full = { ...bar(rng.pick(cells.cadence), 0, -1), cadence: 'full' };
  if (bars === 4) return [a, b, a, full];
  const eight = (end) => [a, b, a, b2, a, b, d, end];
  if (bars === 8) return eight(full);
  return [...eight(half), ...eight(full)].slice(0, bars);
}

/**
 * Realises a plan starting at sec.start: base is the phrase's anchor pitch.
 * Calls emit(beat, dur, pitch, vel).
 */
export function playMelody(plan, sec, opts, emit) {
  const { bpb } = sec;
  const gate = opts.gate ?? 0.9;
  const first = sec.chordAt(sec.start);
  const base = pitchToIndex(first, opts.center);
  const lo = base - 5;
  const hi = base + 8;
  let prev = null;
  for (let barNo = 0; barNo < sec.bars; barNo++) {
    const b = plan[barNo % plan.length];
    const barStart = sec.start + barNo * bpb;
    let idx = base + b.start;
    let t = 0;
    let n = 0;
    b.cell.forEach((len, k) => {
      const dur = Math.abs(len);
      if (len < 0) {
        t += dur;
        return;
      }
      const beat = barStart + t;
      const chord = sec.chordAt(beat);
      if (n > 0) idx += b.steps[n - 1];
      if (idx > hi) idx -= 7;
      if (idx < lo) idx += 7;
      const strong = t === 0 || (bpb === 4 && t === 2) || dur >= 1.5;
      const last = k === b.cell.length - 1;
      if (b.cadence && last) idx = cadenceTarget(chord, idx, b.cadence);
      else if (strong) idx = snapToChord(chord, idx, b.steps[n - 1] ?? 1);
      if (prev !== null) idx = smoothLeap(chord, idx, prev, strong);
      prev = indexToPitch(chord, idx);
      const accent = t === 0 ? 1 : strong ? 0.94 : 0.84;
      const vel = (opts.velocity ?? 92) * sec.energy * accent;
      // Breathe at the end of every two-bar unit.
      const breath = last && barNo % 2 === 1 && dur >= 1 ? 0.35 : 0;
      emit(beat, dur * gate - breath, prev, vel);
      t += dur;
      n++;
    });
  }
}

function makeSteps(rng, cell, contour) {
  const notes = cell.filter((x) => x > 0).length;
  const steps = [];
  for (let i = 1; i < notes; i++) {
    const prev = steps[i - 2] ?? 0;
    if (Math.abs(prev) >= 3) {
      steps.push(-Math.sign(prev)); // recover after a leap
      continue;
    }
    const size = rng.weighted([
      [1, 50],
      [2, 22],
      [0, 12],
      [3, 9],
      [4, 5],
    ]);
    const against = rng.chance(0.22) ? -1 : 1;
    steps.push(size * contour * against);
  }
  return steps;
}

function cadenceTarget(chord, idx, kind) {
  // Full cadence: the chord's root; half: its third or fifth, whichever is nearer.
  const candidates = [];
  for (let i = idx - 6; i <= idx + 6; i++) {
    const pc = indexToPitch(chord, i) % 12;
    const role = chord.pcs.indexOf(pc);
    if (kind === 'full' ? role === 0 : role === 1 || role === 2) candidates.push(i);
  }
  if (!candidates.length) return idx;
  return candidates.reduce((a, c) => (Math.abs(c - idx) < Math.abs(a - idx) ? c : a));
}

/** No tritones and nothing wider than a major sixth: move to the nearest singable neighbour. */
function smoothLeap(chord, idx, prev, strong) {
  const cost = (i) => {
    const leap = Math.abs(indexToPitch(chord, i) - prev);
    const awkward = leap === 6 || leap > 9 ? 100 : 0;
    const offChord = strong && !isChordTone(chord, i) ? 4 : 0;
    return awkward + offChord + Math.abs(i - idx) * 2;
  };
  let best = idx;
  for (const i of [idx - 1, idx + 1, idx - 2, idx + 2, idx - 7, idx + 7]) {
    if (cost(i) < cost(best)) best = i;
  }
  return best;
}
