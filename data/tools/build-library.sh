#!/usr/bin/env bash
# Rebuilds data/music from nothing: compose MIDI (compose.mjs) -> render WAV with fluidsynth and
# FluidR3_GM -> normalise to about -14 LUFS with a -1 dBFS limiter -> encode, tag, embed the cover.
# Intermediate MIDI/WAV files go to $WORK (default /tmp/tapedeck-build), never into the repo.
# Usage: bash data/tools/build-library.sh [slug ...]   (no slug: every song)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="$(dirname "$HERE")"
WORK="${WORK:-/tmp/tapedeck-build}"
SF2="${SOUNDFONT:-/usr/share/sounds/sf2/FluidR3_GM.sf2}"
TARGET_LUFS=-14
export LC_ALL=C

for tool in node fluidsynth ffmpeg sox flac opusenc convert; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
[ -f "$SF2" ] || { echo "missing soundfont: $SF2 (Debian package fluid-soundfont-gm)" >&2; exit 1; }

mkdir -p "$WORK"
node "$HERE/compose.mjs" "$WORK" "$@"
bash "$HERE/make-covers.sh" "$DATA/covers" >/dev/null

cover_for() {
  case "$1" in
    'Neon Harbor') echo "$DATA/covers/neon-harbor.jpg" ;;
    'Kettle and Coal') echo "$DATA/covers/kettle-and-coal.jpg" ;;
    'Blue Hour Sessions') echo "$DATA/covers/blue-hour-sessions.jpg" ;;
    *) echo "no cover for album $1" >&2; exit 1 ;;
  esac
}

# Integrated loudness (LUFS) of a file, from ffmpeg's ebur128 summary.
loudness() {
  ffmpeg -nostdin -hide_banner -nostats -i "$1" -af ebur128 -f null - 2>&1 |
    awk '/Integrated loudness:/ {f=1} f && /I:/ {print $2; exit}'
}

while IFS=$'\t' read -r -u 3 slug format artist album title file_title track total year genre lufs; do
  if [ "$#" -gt 0 ] && [[ " $* " != *" $slug "* ]]; then continue; fi
  raw="$WORK/$slug.raw.wav"
  wav="$WORK/$slug.wav"
  # Float output: no clipping inside the renderer, whatever the mix.
  fluidsynth -ni -q -O float -F "$raw" -r 44100 -g 0.3 "$SF2" "$WORK/$slug.mid" </dev/null >/dev/null
  # Trim the silent tail; level to -20 LUFS; glue with a gentle compressor; bring to the target
  # loudness under a -1.5 dBFS limiter (run at 4x the sample rate so it also catches inter-sample peaks).
  sox "$raw" "$WORK/$slug.trim.wav" reverse silence 1 0.02 -70d reverse
  pre=$(awk -v l="$(loudness "$WORK/$slug.trim.wav")" 'BEGIN {printf "%.2f", -20 - l}')
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$WORK/$slug.trim.wav" \
    -af "volume=${pre}dB,acompressor=threshold=-26dB:ratio=2.5:attack=15:release=250:knee=6" \
    -c:a pcm_f32le "$WORK/$slug.glued.wav"
  gain=$(awk -v l="$(loudness "$WORK/$slug.glued.wav")" -v t="${lufs:-$TARGET_LUFS}" 'BEGIN {printf "%.2f", t - l}')
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$WORK/$slug.glued.wav" \
    -af "aresample=176400,volume=${gain}dB,alimiter=limit=0.84:attack=3:release=80:level=false,aresample=44100" \
    -c:a pcm_s16le "$wav"

  dir="$DATA/music/$artist/$album"
  mkdir -p "$dir"
  out="$dir/$(printf '%02d' "$track") - $file_title.$format"
  cover="$(cover_for "$album")"
  meta=(-metadata "title=$title" -metadata "artist=$artist" -metadata "album_artist=$artist"
    -metadata "album=$album" -metadata "track=$track/$total" -metadata "date=$year"
    -metadata "genre=$genre" -metadata "copyright=CC0 1.0 Universal (public domain)")
  bitexact=(-fflags +bitexact -flags:a +bitexact -flags:v +bitexact)
  case "$format" in
    mp3)
      ffmpeg -nostdin -hide_banner -loglevel error -y -i "$wav" -i "$cover" -map 0:a -map 1:v \
        -c:a libmp3lame -b:a 128k -c:v copy -disposition:v attached_pic -id3v2_version 3 \
        -metadata:s:v title="Album cover" -metadata:s:v comment="Cover (front)" \
        "${meta[@]}" "${bitexact[@]}" "$out" ;;
    m4a)
      ffmpeg -nostdin -hide_banner -loglevel error -y -i "$wav" -i "$cover" -map 0:a -map 1:v \
        -c:a aac -b:a 128k -c:v copy -disposition:v attached_pic -movflags +faststart \
        "${meta[@]}" "${bitexact[@]}" "$out" ;;
    opus)
      # A fixed Ogg serial number (opusenc picks a random one) keeps rebuilds byte-identical.
      serial=$(printf %s "$slug" | cksum | cut -d' ' -f1)
      opusenc --quiet --bitrate 96 --serial "$serial" \
        --title "$title" --artist "$artist" --album "$album" \
        --tracknumber "$track" --date "$year" --genre "$genre" --comment "TRACKTOTAL=$total" \
        --comment "ALBUMARTIST=$artist" --comment "COPYRIGHT=CC0 1.0 Universal (public domain)" \
        --picture "3||Cover (front)||$cover" "$wav" "$out" ;;
    flac)
      # Kept small on purpose: mono, 22.05 kHz. A mono file is measured 3 dB quieter than the same
      # sound on two speakers, so it is levelled to the target minus 3 dB.
      sox "$WORK/$slug.glued.wav" -e floating-point "$WORK/$slug.mono.wav" remix - rate 22050
      mono_gain=$(awk -v l="$(loudness "$WORK/$slug.mono.wav")" -v t="${lufs:-$TARGET_LUFS}" 'BEGIN {printf "%.2f", t - 3 - l}')
      ffmpeg -nostdin -hide_banner -loglevel error -y -i "$WORK/$slug.mono.wav" \
        -af "aresample=88200,volume=${mono_gain}dB,alimiter=limit=0.84:attack=3:release=80:level=false,aresample=22050" \
        -c:a pcm_s16le "$WORK/$slug.small.wav"
      flac --silent --best --force --no-seektable -o "$out" \
        -T "TITLE=$title" -T "ARTIST=$artist" -T "ALBUMARTIST=$artist" -T "ALBUM=$album" \
        -T "TRACKNUMBER=$track" -T "TRACKTOTAL=$total" -T "DATE=$year" -T "GENRE=$genre" \
        -T "COPYRIGHT=CC0 1.0 Universal (public domain)" --picture="3|image/jpeg|Cover (front)||$cover" \
        "$WORK/$slug.small.wav" ;;
    *) echo "unknown format $format" >&2; exit 1 ;;
  esac
  printf '%-20s %+6s dB, limiter in at %+6s dB, now %s LUFS  %s\n' "$slug" "$pre" "$gain" "$(loudness "$wav")" "$out"
done 3<"$WORK/songs.tsv"

du -sh "$DATA"
