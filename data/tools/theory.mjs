// Music theory helpers: seeded randomness, scales, chord parsing, voicing and melodic index space.

/** mulberry32: small, fast, deterministic. */
export function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    jitter: (amount) => (next() * 2 - 1) * amount,
    /** pairs: [[value, weight], ...] */
    weighted(pairs) {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of pairs) {
        r -= w;
        if (r <= 0) return value;
      }
      return pairs[pairs.length - 1][0];
    },
  };
}

export function hashString(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export const SCALES = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
  dorian: [0, 2, 3, 5, 7, 9, 10],
  mixolydian: [0, 2, 4, 5, 7, 9, 10],
};

const QUALITIES = {
  M: [0, 4, 7],
  m: [0, 3, 7],
  dim: [0, 3, 6],
  M7: [0, 4, 7, 11],
  m7: [0, 3, 7, 10],
  7: [0, 4, 7, 10],
  m7b5: [0, 3, 6, 10],
  sus4: [0, 5, 7],
  sus2: [0, 2, 7],
  add9: [0, 4, 7, 14],
  madd9: [0, 3, 7, 14],
  6: [0, 4, 7, 9],
  m6: [0, 3, 7, 9],
  9: [0, 4, 7, 10, 14],
  M9: [0, 4, 7, 11, 14],
  m9: [0, 3, 7, 10, 14],
};

/**
 * Parses "5", "5:7", "b7:M", "2:m7", "1:d7" (diatonic seventh) into a chord in the song's key.
 * Returns its root pitch class, intervals, and the song scale adjusted to the chord's tones
 * (so that a melody over E major in A minor uses G#, not G).
 */
export function parseChord(spec, tonic, scaleName) {
  const scale = SCALES[scaleName];
  const [degPart, quality] = spec.split(':');
  const shift = degPart.startsWith('b') ? -1 : degPart.startsWith('#') ? 1 : 0;
  const deg = Number(degPart.replace(/[b#]/, '')) - 1;
  const stack = (n) =>
    Array.from({ length: n }, (_, i) => {
      const idx = deg + 2 * i;
      return scale[idx % 7] + 12 * Math.floor(idx / 7) - scale[deg];
    });
  const q = quality ?? (shift ? 'M' : '');
  const intervals = q === '' ? stack(3) : q === 'd7' ? stack(4) : QUALITIES[q];
  if (!intervals) throw new Error(`unknown chord quality in "${spec}"`);
  const rootRel = scale[deg] + shift;
  const root = (tonic + rootRel) % 12;
  // Adjusted scale, as offsets from the tonic: each chord tone replaces the diatonic tone it alters.
  const rel = [...scale];
  const diatonic = stack(5);
  intervals.forEach((iv, i) => {
    const want = (((rootRel + iv) % 12) + 12) % 12;
    if (rel.includes(want) || i >= diatonic.length) return;
    const was = (((scale[deg] + diatonic[i]) % 12) + 12) % 12;
    const pos = rel.indexOf(was);
    if (pos >= 0 && Math.abs(((want - was + 18) % 12) - 6) === 1) rel[pos] = want;
  });
  const pcs = intervals.map((iv) => (root + iv) % 12);
  return { spec, root, intervals, pcs, rel, tonic };
}

/** Melodic index space: index i means scale step i above the tonic in octave 0. */
export function indexToPitch(chord, idx) {
  const oct = Math.floor(idx / 7);
  const pos = ((idx % 7) + 7) % 7;
  return chord.tonic + 12 * oct + chord.rel[pos];
}

export function pitchToIndex(chord, pitch) {
  let best = 0;
  let bestDist = Infinity;
  const approx = Math.round(((pitch - chord.tonic) / 12) * 7);
  for (let i = approx - 3; i <= approx + 3; i++) {
    const d = Math.abs(indexToPitch(chord, i) - pitch);
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  }
  return best;
}

export function isChordTone(chord, idx) {
  return chord.pcs.includes(indexToPitch(chord, idx) % 12);
}

/** Nearest chord-tone index to idx; ties resolve in direction dir. */
export function snapToChord(chord, idx, dir = 1) {
  for (let d = 0; d < 7; d++) {
    const a = idx + (dir >= 0 ? d : -d);
    const b = idx - (dir >= 0 ? d : -d);
    if (isChordTone(chord, a)) return a;
    if (isChordTone(chord, b)) return b;
  }
  return idx;
}

/** Close voicing of the chord (no 9ths below), nearest to the previous voicing or to center. */
export function voiceChord(chord, prev, center, count = 0) {
  const base = chord.intervals.filter((iv) => iv < 12).map((iv) => chord.root + iv);
  const tones = count > base.length ? [...base, base[0] + 12] : base;
  let best = null;
  let bestCost = Infinity;
  for (let oct = 2; oct <= 6; oct++) {
    for (let inv = 0; inv < tones.length; inv++) {
      const notes = [];
      for (let k = 0; k < tones.length; k++) {
        let p = (tones[(inv + k) % tones.length] % 12) + 12 * oct;
        while (notes.length && p <= notes[notes.length - 1]) p += 12;
        notes.push(p);
      }
      // Smooth voice leading, but held near the centre so the part never drifts out of register.
      const lead = prev
        ? notes.reduce((s, p, i) => s + Math.abs(p - (prev[i] ?? prev[prev.length - 1])), 0)
        : 0;
      const drift = Math.abs(notes.reduce((s, p) => s + p, 0) / notes.length - center) * 1.5;
      if (lead + drift < bestCost) {
        bestCost = lead + drift;
        best = notes;
      }
    }
  }
  return best;
}

/** Root of the chord placed nearest to the previous bass note, within [low, low + 14]. */
export function bassRoot(chord, prev, low) {
  const candidates = [];
  for (let p = low; p <= low + 14; p++) if (p % 12 === chord.root) candidates.push(p);
  return candidates.reduce((a, b) => (Math.abs(b - prev) < Math.abs(a - prev) ? b : a));
}
