// biome-ignore-all format: song sheets read better one section per line.
// The library: three invented artists, three albums, ten songs. Keys, modes, tempos, metres,
// instruments and forms differ from song to song.
// key: tonic pitch class (C=0 … B=11). program: General MIDI program, counted from 0.
// Chords: scale degree, optional ":quality" ("5:7", "2:m7", "b6:M"); "x*2" holds a chord two bars.
// Sections name the generators each part uses (harmony.mjs, drums.mjs) and the melody they sing.

const VELVET = { artist: 'Velvet Meridian', album: 'Neon Harbor', year: 2025, genre: 'Synthpop' };
const LANTERN = { artist: 'The Lantern Keepers', album: 'Kettle and Coal', year: 2025, genre: 'Folk' };
const OKAPI = { artist: 'Okapi Trio', album: 'Blue Hour Sessions', year: 2024, genre: 'Jazz' };

export const SONGS = [
  {
    ...VELVET, track: 1, slug: 'neon-harbor', title: 'Neon Harbor', format: 'mp3', seed: 1101,
    key: 9, scale: 'minor', bpm: 112,
    parts: {
      lead: { program: 81, center: 72, volume: 92, pan: 64, reverb: 50, chorus: 30, gate: 0.92 },
      chords: { program: 89, center: 60, volume: 82, reverb: 70 },
      bass: { program: 38, low: 33, volume: 100 },
      arp: { program: 80, center: 72, volume: 62, pan: 40, reverb: 60 },
      counter: { program: 49, center: 79, volume: 70, pan: 90, reverb: 80 },
      solo: { program: 62, center: 74, volume: 88, pan: 70, reverb: 50 },
      drums: { program: 24, volume: 100, reverb: 20 },
    },
    progressions: {
      A: ['1', '6', '3', '7'],
      B: ['6', '7', '5', '1', '6', '7', '3', '5:M'],
      C: ['4', '6', '4', '5:M'],
    },
    melodies: {
      verse: { density: 'medium' },
      chorus: { density: 'sparse', offset: 4 },
      bridge: { density: 'busy', offset: 2 },
    },
    sections: {
      intro: { prog: 'A', chords: 'pad', arp: 'up', bass: 'root', drums: 'halftime', energy: 0.9 },
      verse: { prog: 'A', chords: 'pad', bass: 'pulse8', drums: 'pop-light', lead: 'verse', energy: 0.9 },
      chorus: { prog: 'B', chords: 'stabs', bass: 'pulse8', arp: 'up', counter: 'line', drums: 'drive', lead: 'chorus', crash: true },
      bridge: { prog: 'C', chords: 'pad', bass: 'root', arp: 'updown', drums: 'halftime', solo: 'bridge', crash: true },
      outro: { prog: 'A', chords: 'pad', bass: 'pulse8', arp: 'up', drums: 'pop-light', fade: true },
    },
    form: [['intro', 4], ['verse', 16], ['chorus', 16], ['verse', 16], ['chorus', 16], ['bridge', 8], ['chorus', 16], ['outro', 4]],
  },
  {
    ...VELVET, track: 2, slug: 'midnight-signal', title: 'Midnight Signal', format: 'mp3', seed: 2207,
    key: 5, scale: 'dorian', bpm: 124,
    parts: {
      lead: { program: 80, center: 70, volume: 84, reverb: 45, chorus: 20, gate: 0.8 },
      chords: { program: 90, center: 63, volume: 78, pan: 50, reverb: 55 },
      bass: { program: 39, low: 29, volume: 104 },
      arp: { program: 98, center: 77, volume: 60, pan: 85, reverb: 70 },
      counter: { program: 95, center: 75, volume: 64, reverb: 90 },
      drums: { program: 25, volume: 104, reverb: 15 },
    },
    progressions: {
      A: ['1:m7*2', '4:7*2'],
      B: ['b6:M', '7', '1:m7', '4', 'b6:M', '7', '5:M', '5:M'],
      C: ['b6:M*2', '1:m7*2'],
    },
    melodies: {
      verse: { density: 'busy' },
      chorus: { density: 'medium', offset: 3 },
    },
    sections: {
      intro: { prog: 'A', chords: 'pulse', bass: 'root', drums: 'halftime', energy: 0.85 },
      verse: { prog: 'A', chords: 'stabs', bass: 'synco', drums: 'pop', lead: 'verse', energy: 0.9 },
      chorus: { prog: 'B', chords: 'pad', bass: 'pulse8', arp: 'up', drums: 'drive', lead: 'chorus', crash: true },
      bridge: { prog: 'C', chords: 'pad', counter: 'line', arp: 'updown', drums: 'halftime', energy: 0.85 },
      outro: { prog: 'A', chords: 'stabs', bass: 'synco', drums: 'pop', fade: true },
    },
    form: [['intro', 8], ['verse', 16], ['chorus', 16], ['verse', 16], ['chorus', 16], ['bridge', 8], ['chorus', 8], ['outro', 4]],
  },
  {
    ...VELVET, track: 3, slug: 'glass-city', title: 'Glass City', format: 'mp3', seed: 3313,
    key: 2, scale: 'major', bpm: 98,
    parts: {
      lead: { program: 54, center: 69, volume: 96, reverb: 60, gate: 0.95 },
      chords: { program: 4, center: 62, volume: 84, pan: 48, reverb: 40, chorus: 40 },
      bass: { program: 33, low: 26, volume: 100 },
      counter: { program: 50, center: 74, volume: 62, pan: 84, reverb: 80 },
      solo: { program: 27, center: 71, volume: 84, pan: 76, reverb: 55 },
      drums: { program: 0, volume: 96, reverb: 25 },
    },
    progressions: {
      A: ['1', '5', '6', '4'],
      B: ['4', '1', '5', '6', '4', '1', '2:m7', '5:sus4'],
      C: ['6', '3', '4', '5'],
    },
    melodies: {
      verse: { density: 'medium' },
      chorus: { density: 'medium', offset: 3 },
      solo: { density: 'busy', offset: 2 },
    },
    sections: {
      intro: { prog: 'A', chords: 'block', bass: 'root', counter: 'line', drums: 'shaker', energy: 0.9 },
      verse: { prog: 'A', chords: 'pulse', bass: 'synco', drums: 'pop-light', lead: 'verse', energy: 0.9 },
      chorus: { prog: 'B', chords: 'block', bass: 'rootfifth', counter: 'line', drums: 'pop', lead: 'chorus', crash: true },
      bridge: { prog: 'C', chords: 'pulse', bass: 'synco', drums: 'pop', solo: 'solo' },
      outro: { prog: 'A', chords: 'block', counter: 'line', energy: 0.75, fade: true },
    },
    form: [['intro', 4], ['verse', 8], ['chorus', 8], ['verse', 8], ['chorus', 8], ['bridge', 8], ['chorus', 8], ['chorus', 8], ['outro', 4]],
  },
  {
    ...VELVET, track: 4, slug: 'slow-lights', title: 'Slow Lights', format: 'mp3', seed: 4421,
    key: 3, scale: 'major', bpm: 74,
    parts: {
      lead: { program: 52, center: 70, volume: 96, reverb: 75, gate: 0.98 },
      chords: { program: 0, center: 63, volume: 92, reverb: 60 },
      bass: { program: 35, low: 27, volume: 92 },
      counter: { program: 49, center: 75, volume: 68, pan: 80, reverb: 90 },
      drums: { program: 8, volume: 84, reverb: 35 },
    },
    progressions: {
      A: ['1', '6:m7', '4:M7', '5:sus4'],
      B: ['4', '5', '3:m7', '6', '2:m7', '5', '1', '1'],
    },
    melodies: {
      verse: { density: 'medium', bars: 4 },
      chorus: { density: 'sparse', offset: 2 },
    },
    sections: {
      intro: { prog: 'A', chords: 'arpeggio', counter: 'line' },
      verse: { prog: 'A', chords: 'arpeggio', bass: 'root', drums: 'ballad', lead: 'verse', energy: 0.9 },
      chorus: { prog: 'B', chords: 'arpeggio', bass: 'rootfifth', counter: 'line', drums: 'ballad-full', lead: 'chorus', crash: true },
      outro: { prog: 'A', chords: 'arpeggio', bass: 'root', counter: 'line', energy: 0.8, fade: true },
    },
    form: [['intro', 4], ['verse', 8], ['chorus', 8], ['verse', 8], ['chorus', 8], ['outro', 8]],
  },
  {
    ...LANTERN, track: 1, slug: 'kettle-and-coal', title: 'Kettle and Coal', format: 'opus', seed: 5531,
    key: 7, scale: 'major', bpm: 138, bpb: 3,
    parts: {
      lead: { program: 40, center: 74, volume: 90, pan: 72, reverb: 45, gate: 0.9 },
      chords: { program: 25, center: 60, volume: 80, pan: 44, reverb: 35 },
      bass: { program: 32, low: 31, volume: 96 },
      counter: { program: 21, center: 67, volume: 62, pan: 84, reverb: 40 },
      solo: { program: 22, center: 74, volume: 84, pan: 60, reverb: 40 },
      drums: { program: 8, volume: 80, reverb: 30 },
    },
    progressions: {
      A: ['1', '1', '4', '1', '6', '4', '5', '5'],
      B: ['4', '1', '5', '6', '4', '1', '5', '1'],
      C: ['6', '3', '4', '1', '6', '3', '2', '5'],
    },
    melodies: {
      verse: { density: 'medium' },
      chorus: { density: 'medium', offset: 3 },
      solo: { density: 'busy', offset: 1 },
    },
    sections: {
      intro: { prog: 'A', chords: 'strum', bass: 'waltz', drums: 'waltz-light', energy: 0.9 },
      verse: { prog: 'A', chords: 'strum', bass: 'waltz', drums: 'waltz-light', lead: 'verse', energy: 0.9 },
      chorus: { prog: 'B', chords: 'strum', bass: 'waltz', counter: 'line', drums: 'waltz-full', lead: 'chorus', crash: true },
      bridge: { prog: 'C', chords: 'strum', bass: 'waltz', drums: 'waltz', solo: 'solo' },
      outro: { prog: 'A', chords: 'strum', bass: 'waltz', counter: 'line', energy: 0.8, fade: true },
    },
    form: [['intro', 8], ['verse', 16], ['chorus', 16], ['verse', 16], ['chorus', 16], ['bridge', 16], ['chorus', 16], ['outro', 8]],
  },
  {
    ...LANTERN, track: 2, slug: 'wild-thyme-road', title: 'Wild Thyme Road', format: 'opus', seed: 6619,
    key: 2, scale: 'mixolydian', bpm: 108,
    parts: {
      lead: { program: 22, center: 74, volume: 84, pan: 58, reverb: 40, gate: 0.85 },
      chords: { program: 25, center: 60, volume: 82, pan: 40, reverb: 30 },
      bass: { program: 32, low: 26, volume: 98 },
      counter: { program: 40, center: 78, volume: 58, pan: 92, reverb: 55 },
      solo: { program: 105, center: 74, volume: 92, pan: 80, reverb: 30, gate: 0.7 },
      drums: { program: 0, volume: 88, reverb: 25 },
    },
    progressions: {
      A: ['1', '7', '4', '1'],
      B: ['4', '1', '7', '4', '4', '1', '5:M', '1'],
    },
    melodies: {
      verse: { density: 'busy' },
      chorus: { density: 'medium', offset: 3 },
      solo: { density: 'busy', offset: 2 },
    },
    sections: {
      intro: { prog: 'A', chords: 'strum', bass: 'folk', drums: 'shaker', energy: 0.9 },
      verse: { prog: 'A', chords: 'strum', bass: 'folk', drums: 'train', lead: 'verse', energy: 0.9 },
      chorus: { prog: 'B', chords: 'strum', bass: 'folk', counter: 'line', drums: 'folk', lead: 'chorus', crash: true },
      bridge: { prog: 'A', chords: 'strum', bass: 'folk', drums: 'train', solo: 'solo' },
      outro: { prog: 'A', chords: 'strum', drums: 'shaker', energy: 0.8, fade: true },
    },
    form: [['intro', 4], ['verse', 8], ['chorus', 8], ['verse', 8], ['chorus', 8], ['bridge', 8], ['chorus', 8], ['chorus', 8], ['outro', 4]],
  },
  {
    ...LANTERN, track: 3, slug: 'the-long-field', title: 'The Long Field', format: 'opus', seed: 7727,
    key: 4, scale: 'minor', bpm: 70,
    parts: {
      lead: { program: 73, center: 76, volume: 90, pan: 70, reverb: 70, gate: 0.95 },
      chords: { program: 24, center: 59, volume: 96, pan: 52, reverb: 55 },
      bass: { program: 32, low: 28, volume: 88 },
      counter: { program: 42, center: 55, volume: 76, pan: 40, reverb: 70 },
      drums: { program: 0, volume: 70, reverb: 50 },
    },
    progressions: {
      A: ['1', '3', '7', '4'],
      B: ['6', '7', '1', '1', '6', '7', '3', '5:M'],
    },
    melodies: {
      verse: { density: 'medium', bars: 4 },
      chorus: { density: 'sparse', offset: 2 },
    },
    sections: {
      intro: { prog: 'A', chords: 'arpeggio', counter: 'line', energy: 0.95 },
      verse: { prog: 'A', chords: 'arpeggio', bass: 'root', lead: 'verse', energy: 0.9 },
      chorus: { prog: 'B', chords: 'arpeggio', bass: 'root', counter: 'line', drums: 'shaker', lead: 'chorus' },
      outro: { prog: 'A', chords: 'arpeggio', counter: 'line', energy: 0.8, fade: true },
    },
    form: [['intro', 4], ['verse', 8], ['chorus', 8], ['verse', 8], ['chorus', 8], ['outro', 8]],
  },
  {
    ...OKAPI, track: 1, slug: 'cafe-noir', title: 'Café Noir', fileTitle: 'Cafe Noir', format: 'm4a', seed: 8831,
    key: 10, scale: 'major', bpm: 152, swing: 0.9,
    parts: {
      lead: { program: 65, center: 70, volume: 90, pan: 60, reverb: 40, gate: 0.85 },
      chords: { program: 0, center: 62, volume: 78, pan: 44, reverb: 35 },
      bass: { program: 32, low: 28, volume: 104, pan: 70 },
      solo: { program: 11, center: 70, volume: 90, pan: 84, reverb: 45, gate: 0.8 },
      drums: { program: 32, volume: 86, pan: 64, reverb: 30 },
    },
    progressions: {
      T: ['1:M7', '6:7', '2:m7', '5:7'],
      A: ['1:M7', '6:m7', '2:m7', '5:7', '3:m7', '6:7', '2:m7', '5:7'],
      B: ['3:7*2', '6:7*2', '2:7*2', '5:7*2'],
    },
    melodies: {
      a: { density: 'medium' },
      b: { density: 'sparse', offset: 2 },
      sa: { density: 'busy', offset: 1 },
      sb: { density: 'busy', offset: 2 },
    },
    sections: {
      intro: { prog: 'T', chords: 'comp', bass: 'walking', drums: 'swing', energy: 0.9 },
      A: { prog: 'A', chords: 'comp', bass: 'walking', drums: 'swing', lead: 'a' },
      B: { prog: 'B', chords: 'comp', bass: 'walking', drums: 'swing', lead: 'b' },
      soloA: { prog: 'A', chords: 'comp', bass: 'walking', drums: 'swing', solo: 'sa', energy: 0.95 },
      soloB: { prog: 'B', chords: 'comp', bass: 'walking', drums: 'swing', solo: 'sb', crash: true },
      tag: { prog: 'T', chords: 'comp', bass: 'walking', drums: 'swing', energy: 0.8, fade: true },
    },
    form: [['intro', 4], ['A', 8], ['A', 8], ['B', 8], ['A', 8], ['soloA', 8], ['soloA', 8], ['soloB', 8], ['soloA', 8], ['A', 8], ['B', 8], ['A', 8], ['tag', 4]],
  },
  {
    ...OKAPI, track: 2, slug: 'rainy-tuesday', title: 'Rainy Tuesday', format: 'm4a', seed: 9941,
    key: 0, scale: 'minor', bpm: 128,
    parts: {
      lead: { program: 73, center: 72, volume: 88, pan: 70, reverb: 50, gate: 0.9 },
      chords: { program: 24, center: 60, volume: 88, pan: 50, reverb: 40 },
      bass: { program: 32, low: 28, volume: 98 },
      counter: { program: 48, center: 67, volume: 52, pan: 30, reverb: 70 },
      solo: { program: 4, center: 72, volume: 86, pan: 76, reverb: 40, gate: 0.8 },
      drums: { program: 40, volume: 80, reverb: 30 },
    },
    progressions: {
      I: ['1:m7', '4:m7', '2:m7b5', '5:7'],
      A: ['1:m7*2', '4:m7*2', '7:7', '3:M7', '2:m7b5', '5:7'],
      B: ['6:M7*2', '2:m7b5', '5:7', '1:m7*2', '4:m7', '5:7'],
    },
    melodies: {
      a: { density: 'medium' },
      b: { density: 'sparse', offset: 2 },
      s: { density: 'busy', offset: 1 },
    },
    sections: {
      intro: { prog: 'I', chords: 'bossa', bass: 'bossa', drums: 'bossa-light', energy: 0.9 },
      A: { prog: 'A', chords: 'bossa', bass: 'bossa', drums: 'bossa', lead: 'a' },
      B: { prog: 'B', chords: 'bossa', bass: 'bossa', counter: 'line', drums: 'bossa', lead: 'b' },
      soloA: { prog: 'A', chords: 'bossa', bass: 'bossa', drums: 'bossa', solo: 's' },
      soloB: { prog: 'B', chords: 'bossa', bass: 'bossa', counter: 'line', drums: 'bossa', solo: 's' },
      outro: { prog: 'I', chords: 'bossa', bass: 'bossa', drums: 'bossa-light', energy: 0.8, fade: true },
    },
    form: [['intro', 4], ['A', 8], ['B', 8], ['A', 8], ['B', 8], ['soloA', 8], ['soloB', 8], ['A', 8], ['B', 8], ['outro', 4]],
  },
  {
    ...OKAPI, track: 3, slug: 'lullaby-for-otis', title: 'Lullaby for Otis', format: 'flac', seed: 10453,
    key: 5, scale: 'major', bpm: 66, bpb: 3, loudness: -16,
    parts: {
      lead: { program: 0, center: 74, volume: 100, reverb: 60, gate: 0.95, velocity: 84 },
      chords: { program: 0, center: 60, volume: 86, reverb: 60 },
      bass: { program: 32, low: 29, volume: 84 },
      counter: { program: 48, center: 69, volume: 56, reverb: 80 },
    },
    progressions: {
      A: ['1', '6', '4', '5', '1', '6', '2:m7', '5:7'],
      B: ['4', '5', '3:m7', '6', '2:m7', '5', '1', '5:7'],
    },
    melodies: {
      a: { density: 'medium' },
      b: { density: 'sparse', offset: 2 },
    },
    sections: {
      intro: { prog: 'A', chords: 'arpeggio', energy: 0.85 },
      A: { prog: 'A', chords: 'arpeggio', bass: 'waltz', lead: 'a', energy: 0.9 },
      B: { prog: 'B', chords: 'arpeggio', bass: 'waltz', counter: 'line', lead: 'b' },
      outro: { prog: 'A', chords: 'arpeggio', bass: 'waltz', energy: 0.75, fade: true },
    },
    form: [['intro', 2], ['A', 8], ['B', 8], ['A', 8], ['outro', 4]],
  },
];
