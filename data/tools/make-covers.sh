#!/usr/bin/env bash
# Draws the three album covers (500x500 JPEG) with ImageMagick 6: gradients, shapes, big type.
# Usage: make-covers.sh <out-dir>
set -euo pipefail
OUT="${1:?usage: make-covers.sh <out-dir>}"
mkdir -p "$OUT"
SANS=DejaVu-Sans-Bold
COND=DejaVu-Sans-Condensed-Bold
SERIF=DejaVu-Serif-Bold
SERIF_I=DejaVu-Serif-Italic

# Neon Harbor: synthwave dusk, striped sun over a perspective grid and a dark sea.
convert -size 500x500 gradient:'#1a0638'-'#e0457b' \
  \( -size 500x500 gradient:'#ffe259'-'#ff4e7a' -fill none -stroke '#2a0a44' \
     -strokewidth 4 -draw 'line 0,262 500,262' -strokewidth 5 -draw 'line 0,284 500,284' \
     -strokewidth 6 -draw 'line 0,304 500,304' -strokewidth 7 -draw 'line 0,322 500,322' \
     \( -size 500x500 xc:none -fill white -draw 'circle 250,275 250,150' \) \
     -compose DstIn -composite \) -compose Over -composite \
  -fill '#12052b' -draw 'rectangle 0,330 500,500' \
  -stroke '#ff4fd8' -strokewidth 2 \
  -draw 'line 0,345 500,345' -draw 'line 0,365 500,365' -draw 'line 0,393 500,393' \
  -draw 'line 0,432 500,432' -draw 'line 0,485 500,485' \
  -draw 'line 250,330 250,500' -draw 'line 210,330 90,500' -draw 'line 290,330 410,500' \
  -draw 'line 170,330 -70,500' -draw 'line 330,330 570,500' -draw 'line 130,330 -230,500' \
  -draw 'line 370,330 730,500' -stroke none \
  -font "$SANS" -pointsize 60 -gravity north \
  -fill '#ff4fd8' -annotate +3+25 'NEON' -annotate +3+87 'HARBOR' \
  -fill '#ffffff' -annotate +0+22 'NEON' -annotate +0+84 'HARBOR' \
  -fill '#7df9ff' -font "$COND" -pointsize 22 -gravity south -annotate +0+22 'V E L V E T   M E R I D I A N' \
  -quality 88 "$OUT/neon-harbor.jpg"

# Kettle and Coal: warm paper, layered hills, a low sun, serif title.
convert -size 500x500 radial-gradient:'#fff4d6'-'#e8a95b' \
  -fill '#f6d28b' -draw 'circle 330,250 330,190' \
  -fill '#8c5a3c' -draw 'polygon 0,330 90,285 180,315 270,270 370,310 500,280 500,500 0,500' \
  -fill '#5e3b2a' -draw 'polygon 0,380 120,340 240,372 340,338 430,362 500,350 500,500 0,500' \
  -fill '#2f1f17' -draw 'polygon 0,430 140,405 260,428 380,400 500,425 500,500 0,500' \
  -fill '#2f1f17' -font "$SERIF" -pointsize 58 -gravity north \
  -annotate +0+40 'Kettle' -font "$SERIF_I" -pointsize 36 -annotate +0+108 'and' \
  -font "$SERIF" -pointsize 58 -annotate +0+148 'Coal' \
  -fill '#f3e2c0' -font "$SERIF" -pointsize 20 -gravity south -annotate +0+26 'THE LANTERN KEEPERS' \
  -quality 88 "$OUT/kettle-and-coal.jpg"

# Blue Hour Sessions: hard-edged blocks of blue in the manner of 1950s jazz sleeves.
convert -size 500x500 gradient:'#0b1d3a'-'#1f4e8c' \
  -fill '#f2b134' -draw 'rectangle 40,40 120,330' \
  -fill '#5aa9e6' -draw 'rectangle 140,40 460,120' \
  -fill '#e8eef5' -draw 'circle 360,250 360,160' \
  -fill '#0b1d3a' -draw 'circle 360,250 360,215' \
  -fill '#d1495b' -draw 'rectangle 140,140 250,330' \
  -fill '#e8eef5' -font "$COND" -pointsize 66 -gravity southwest \
  -annotate +38+96 'BLUE HOUR' \
  -fill '#f2b134' -font "$COND" -pointsize 40 -annotate +40+52 'SESSIONS' \
  -fill '#5aa9e6' -font "$SANS" -pointsize 20 -gravity southeast -annotate +40+58 'OKAPI TRIO' \
  -quality 88 "$OUT/blue-hour-sessions.jpg"

ls -l "$OUT"
