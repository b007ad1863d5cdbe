#!/usr/bin/env bash
# Regenerates the PNG app icons in client/public/icons from the cassette drawing below.
# Authoring-time only (ImageMagick 6 `convert`); the PNGs are committed. Run: bash client/tools/make-icons.sh
set -euo pipefail
out="$(cd "$(dirname "$0")/../public/icons" && pwd)"

# MVG drawing on a 1024 canvas. $1: background ("full" bleed or "rounded"), $2: cassette scale.
mvg() {
  awk -v kind="$1" -v s="$2" 'BEGIN {
    ink = "#1b1b24"; shell = "#fb923c"; shade = "#e0702a"; label = "#fff4e0"; stripe = "#c2410c"
    c = 512
    if (kind == "full") printf "fill %s rectangle 0,0 1024,1024\n", ink
    else printf "fill %s roundrectangle 40,40 984,984 210,210\n", ink
    # Cassette geometry: a 720x460 shell centred on the canvas, scaled by s.
    printf "fill %s roundrectangle %d,%d %d,%d %d,%d\n", shell, c-360*s, c-230*s, c+360*s, c+230*s, 48*s, 48*s
    printf "fill %s polygon %d,%d %d,%d %d,%d %d,%d\n", shade, c-230*s, c+230*s, c-190*s, c+120*s, c+190*s, c+120*s, c+230*s, c+230*s
    printf "fill %s roundrectangle %d,%d %d,%d %d,%d\n", label, c-310*s, c-185*s, c+310*s, c+95*s, 26*s, 26*s
    printf "fill %s rectangle %d,%d %d,%d\n", stripe, c-310*s, c-150*s, c+310*s, c-126*s
    printf "fill %s roundrectangle %d,%d %d,%d %d,%d\n", ink, c-190*s, c-95*s, c+190*s, c+55*s, 75*s, 75*s
    for (i = -1; i <= 1; i += 2) {
      rx = c + i*112*s; ry = c - 20*s
      printf "fill %s circle %d,%d %d,%d\n", label, rx, ry, rx + 52*s, ry
      printf "fill %s circle %d,%d %d,%d\n", ink, rx, ry, rx + 22*s, ry
      hx = c + i*120*s; hy = c + 182*s
      printf "fill %s circle %d,%d %d,%d\n", ink, hx, hy, hx + 16*s, hy
    }
  }'
}

render() { # file size background scale
  convert -size 1024x1024 xc:none -draw "$(mvg "$3" "$4")" -resize "$2x$2" -strip "PNG32:$out/$1"
}

render icon-512.png 512 rounded 1.1
render icon-192.png 192 rounded 1.1
render apple-touch-icon.png 180 full 1.0
# Maskable: full-bleed background, the cassette kept inside the central 80 % safe circle.
render icon-maskable-512.png 512 full 0.9
echo "icons written to $out"
