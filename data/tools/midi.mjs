// Minimal Standard MIDI File (format 1) writer: enough for notes, programs, controllers and tempo.

export const PPQ = 480;

/** A track collects timed events; `order` keeps note-offs before note-ons at the same tick. */
export function createTrack(name) {
  const events = [];
  const push = (tick, order, bytes) =>
    events.push({ tick: Math.max(0, Math.round(tick)), order, bytes });
  push(0, 0, [
    0xff,
    0x03,
    ...varLen(Buffer.byteLength(name, 'latin1')),
    ...Buffer.from(name, 'latin1'),
  ]);
  return {
    events,
    tempo(tick, bpm) {
      const us = Math.round(60_000_000 / bpm);
      push(tick, 1, [0xff, 0x51, 0x03, (us >> 16) & 0xff, (us >> 8) & 0xff, us & 0xff]);
    },
    timeSignature(tick, num, den) {
      push(tick, 1, [0xff, 0x58, 0x04, num, Math.log2(den), 24, 8]);
    },
    program(tick, ch, program) {
      // Channel 10 (index 9) is the drum channel: the synth picks the kit bank itself.
      if (ch !== 9) push(tick, 2, [0xb0 | ch, 0, 0]);
      push(tick, 3, [0xc0 | ch, program]);
    },
    cc(tick, ch, controller, value) {
      push(tick, 4, [0xb0 | ch, controller, clamp7(value)]);
    },
    note(tick, ch, durTicks, pitch, velocity) {
      if (pitch < 0 || pitch > 127 || durTicks < 1) return;
      push(tick, 6, [0x90 | ch, pitch, clamp7(Math.max(1, velocity))]);
      push(tick + Math.max(1, durTicks), 5, [0x80 | ch, pitch, 0]);
    },
  };
}

/** Serialises tracks into SMF bytes (format 1, PPQ ticks per quarter note). */
export function writeSmf(tracks) {
  const header = Buffer.from([
    ...ascii('MThd'),
    ...u32(6),
    0,
    1,
    ...u16(tracks.length),
    ...u16(PPQ),
  ]);
  const chunks = tracks.map((track) => {
    const sorted = [...track.events].sort((a, b) => a.tick - b.tick || a.order - b.order);
    const body = [];
    let last = 0;
    for (const e of sorted) {
      body.push(...varLen(e.tick - last), ...e.bytes);
      last = e.tick;
    }
    body.push(0, 0xff, 0x2f, 0);
    return Buffer.from([...ascii('MTrk'), ...u32(body.length), ...body]);
  });
  return Buffer.concat([header, ...chunks]);
}

function varLen(n) {
  const out = [n & 0x7f];
  for (let v = n >> 7; v > 0; v >>= 7) out.unshift((v & 0x7f) | 0x80);
  return out;
}
const clamp7 = (v) => Math.max(0, Math.min(127, Math.round(v)));
const ascii = (s) => [...s].map((c) => c.charCodeAt(0));
const u32 = (n) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16 = (n) => [(n >> 8) & 0xff, n & 0xff];
