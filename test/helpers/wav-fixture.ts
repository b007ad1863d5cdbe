/**
 * A valid PCM WAV file (mono, 8 kHz, 16-bit) with RIFF INFO tags, made in memory so tests need no
 * audio tools. `seed` changes the samples, so two fixtures with different seeds differ in content.
 */
export function makeWav(options: {
  seconds: number;
  title?: string;
  artist?: string;
  album?: string;
  seed?: number;
}): Uint8Array<ArrayBuffer> {
  const rate = 8000;
  const samples = Math.round(options.seconds * rate);
  const info = infoChunk({ INAM: options.title, IART: options.artist, IPRD: options.album });
  const dataBytes = samples * 2;
  const total = 12 + 24 + info.length + 8 + dataBytes;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const text = (s: string) => {
    for (const c of s) out[at++] = c.charCodeAt(0);
  };
  text('RIFF');
  view.setUint32(at, total - 8, true);
  at += 4;
  text('WAVEfmt ');
  for (const [value, bytes] of [
    [16, 4],
    [1, 2],
    [1, 2],
    [rate, 4],
    [rate * 2, 4],
    [2, 2],
    [16, 2],
  ] as const) {
    if (bytes === 4) view.setUint32(at, value, true);
    else view.setUint16(at, value, true);
    at += bytes;
  }
  out.set(info, at);
  at += info.length;
  text('data');
  view.setUint32(at, dataBytes, true);
  at += 4;
  const frequency = 220 + (options.seed ?? 0) * 55;
  for (let i = 0; i < samples; i++) {
    view.setInt16(at, Math.round(Math.sin((2 * Math.PI * frequency * i) / rate) * 8000), true);
    at += 2;
  }
  return out;
}

function infoChunk(tags: Record<string, string | undefined>): Uint8Array {
  const parts: number[] = [];
  const push32 = (n: number) =>
    parts.push(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >> 24) & 255);
  const pushText = (s: string) => {
    for (const c of s) parts.push(c.charCodeAt(0));
  };
  for (const [id, value] of Object.entries(tags)) {
    if (!value) continue;
    const bytes = [...Buffer.from(`${value}\0`, 'latin1')];
    if (bytes.length % 2) bytes.push(0);
    pushText(id);
    push32(bytes.length);
    parts.push(...bytes);
  }
  if (parts.length === 0) return new Uint8Array();
  const body = [...'INFO'].map((c) => c.charCodeAt(0)).concat(parts);
  const head = [...'LIST'].map((c) => c.charCodeAt(0));
  const size = [body.length & 255, (body.length >> 8) & 255, (body.length >> 16) & 255, 0];
  return Uint8Array.from([...head, ...size, ...body]);
}
