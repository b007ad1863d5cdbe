// Turns a song description (songs.mjs) into MIDI tracks: chord timeline, sections, parts, mix.
import { drumBar } from './drums.mjs';
import { playArp, playBass, playChords, playCounter } from './harmony.mjs';
import { planMelody, playMelody } from './melody.mjs';
import { createTrack, PPQ } from './midi.mjs';
import { createRng, hashString, parseChord } from './theory.mjs';

const CHANNELS = { lead: 0, chords: 1, bass: 2, arp: 3, counter: 4, solo: 5, drums: 9 };

export function arrangeSong(song) {
  const bpb = song.bpb ?? 4;
  const rng = createRng(song.seed);
  const form = [...song.form, ['end', song.ending?.bars ?? 2]];
  const sections = {
    ...song.sections,
    end: { prog: '__end', chords: 'pad', bass: 'root', end: true },
  };
  const progressions = { ...song.progressions, __end: [song.ending?.chord ?? '1'] };
  const timeline = buildTimeline(song, form, sections, progressions, bpb);
  const chordAt = (beat) => {
    let found = timeline[0];
    for (const ev of timeline) if (ev.beat <= beat + 1e-6) found = ev;
    return found.chord;
  };

  const tracks = { conductor: createTrack(song.title) };
  const emitters = {};
  for (const [part, ch] of Object.entries(CHANNELS)) {
    const cfg = song.parts[part];
    if (!cfg) continue;
    const track = createTrack(part);
    tracks[part] = track;
    track.program(0, ch, cfg.program ?? 0);
    track.cc(0, ch, 7, cfg.volume ?? 100);
    track.cc(0, ch, 10, cfg.pan ?? 64);
    track.cc(0, ch, 91, cfg.reverb ?? 40);
    track.cc(0, ch, 93, cfg.chorus ?? 0);
    emitters[part] = (beat, dur, pitch, vel, scale = 1) => {
      const t = swing(beat, song.swing ?? 0) + rng.jitter(part === 'drums' ? 0.006 : 0.012);
      const v = vel * scale * (cfg.gain ?? 1) + rng.jitter(5);
      track.note(t * PPQ, ch, dur * PPQ, pitch + (cfg.transpose ?? 0), v);
    };
  }
  const state = {
    chordCenter: song.parts.chords?.center ?? 62,
    arpCenter: song.parts.arp?.center ?? 72,
    counterCenter: song.parts.counter?.center ?? 76,
    bassLow: song.parts.bass?.low ?? 28,
    compTurn: 0,
  };
  const plans = {};
  const planFor = (name, sectionBars) => {
    // Same seed for every length: a 16-bar plan is the 8-bar one with a half cadence at bar 8.
    const m = song.melodies[name];
    const n = m.bars ?? (sectionBars >= 16 ? 16 : 8);
    const seed = hashString(song.slug + name);
    plans[name + n] ??= planMelody(createRng(seed), bpb, m.density, n);
    return plans[name + n];
  };

  let bar = 0;
  let endEnergy = 1;
  form.forEach(([name, bars], i) => {
    const s = sections[name];
    if (!s) throw new Error(`${song.slug}: unknown section ${name}`);
    const start = bar * bpb;
    const chords = timeline.filter((ev) => ev.beat >= start && ev.beat < start + bars * bpb);
    const nextName = form[i + 1]?.[0];
    const sec = {
      start,
      bars,
      bpb,
      chords,
      chordAt,
      nextChord: timeline.find((ev) => ev.beat >= start + bars * bpb)?.chord,
      energy: s.end ? endEnergy : (s.energy ?? 1),
      rng: createRng(song.seed + bar),
    };
    const fade = (beat) => (s.fade ? 1 - (0.5 * (beat - start)) / (bars * bpb) : 1);
    const out = (part) => (beat, dur, pitch, vel) =>
      emitters[part]?.(beat, dur, pitch, vel, fade(beat));
    if (s.chords && emitters.chords) playChords(s.chords, sec, state, out('chords'));
    if (s.bass && emitters.bass) playBass(s.bass, sec, state, out('bass'));
    if (s.arp && emitters.arp) playArp(s.arp, sec, state, out('arp'));
    if (s.counter && emitters.counter) playCounter(s.counter, sec, state, out('counter'));
    for (const part of ['lead', 'solo']) {
      if (!s[part] || !emitters[part]) continue;
      const m = song.melodies[s[part]];
      const p = song.parts[part];
      playMelody(
        planFor(s[part], bars),
        sec,
        { ...p, center: p.center + (m.offset ?? 0) },
        out(part),
      );
    }
    if (s.end) playEnding(song, sec, emitters, chordAt, !sections[form[i - 1][0]].fade);
    // The final chord continues at the level the previous section ended on.
    endEnergy = (s.energy ?? 1) * (s.fade ? 0.55 : 1);
    if (s.drums && emitters.drums) {
      for (let b = 0; b < bars; b++) {
        const lastBar = b === bars - 1 && nextName && nextName !== 'end' && s.fill !== false;
        const opts = { crash: b === 0 && s.crash, fill: lastBar ? i + song.seed : undefined };
        drumBar(s.drums, bpb, opts, (t, note, vel, dur) =>
          out('drums')(start + b * bpb + t, dur, note, vel * (s.energy ?? 1)),
        );
      }
    }
    bar += bars;
  });
  writeConductor(tracks.conductor, song, bar, bpb);
  return Object.values(tracks);
}

function buildTimeline(song, form, sections, progressions, bpb) {
  const timeline = [];
  let beat = 0;
  for (const [name, bars] of form) {
    const prog = progressions[sections[name].prog];
    if (!prog) throw new Error(`${song.slug}: section ${name} has no progression`);
    const expanded = prog.flatMap((e) => {
      const [spec, times] = typeof e === 'string' ? e.split('*') : [e, 1];
      return Array.from({ length: Number(times ?? 1) }, () => spec);
    });
    for (let b = 0; b < bars; b++) {
      const entry = expanded[b % expanded.length];
      const parts = Array.isArray(entry) ? entry : [entry];
      parts.forEach((spec, k) => {
        const dur = bpb / parts.length;
        timeline.push({ beat: beat + k * dur, dur, chord: parseChord(spec, song.key, song.scale) });
      });
      beat += bpb;
    }
  }
  // The ending holds one chord across all its bars.
  const endBars = form[form.length - 1][1];
  const endStart = beat - endBars * bpb;
  const kept = timeline.filter((ev) => ev.beat < endStart);
  const last = timeline.find((ev) => ev.beat === endStart);
  return [...kept, { ...last, dur: endBars * bpb }];
}

function playEnding(song, sec, emitters, chordAt, crash) {
  const chord = chordAt(sec.start);
  const dur = sec.bars * sec.bpb - 0.25;
  const lead = song.parts.lead;
  if (lead && emitters.lead) {
    let p = chord.root;
    while (p < lead.center - 6) p += 12;
    emitters.lead(sec.start, dur, p, 84 * sec.energy);
  }
  if (crash) emitters.drums?.(sec.start, 2, 49, 96 * sec.energy);
  emitters.drums?.(sec.start, 0.5, 36, 100 * sec.energy);
}

function writeConductor(track, song, totalBars, bpb) {
  track.timeSignature(0, bpb, 4);
  track.tempo(0, song.bpm);
  // A gentle ritardando over the last two bars.
  const from = (totalBars - 2) * bpb;
  for (let i = 0; i <= 8; i++) {
    track.tempo((from + (i * 2 * bpb) / 8) * PPQ, song.bpm * (1 - 0.22 * (i / 8)));
  }
  // A silent controller event a few beats after the end keeps the renderer going for the reverb tail.
  track.cc((totalBars * bpb + 4) * PPQ, 15, 7, 0);
}

function swing(beat, amount) {
  const whole = Math.floor(beat + 1e-9);
  const frac = beat - whole;
  return Math.abs(frac - 0.5) < 0.02 ? whole + 0.5 + amount / 6 + (frac - 0.5) : beat;
}
