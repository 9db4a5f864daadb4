#!/usr/bin/env bash
# Renders every icon file from the one source drawing, encore.svg. The outputs are committed, so
# the build never needs these tools; rerun this after changing the drawing.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install librsvg2-bin imagemagick icnsutils" >&2; exit 1; }
done
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" encore.svg -o "png/encore-$size.png"
done
# Windows: one .ico holding the sizes Explorer and the task bar use
convert png/encore-16.png png/encore-24.png png/encore-32.png png/encore-48.png png/encore-64.png \
  png/encore-256.png encore.ico
# macOS: .icns with the sizes Finder and the Dock use
png2icns encore.icns png/encore-16.png png/encore-32.png png/encore-48.png png/encore-128.png \
  png/encore-256.png png/encore-512.png png/encore-1024.png >/dev/null
# Linux: jpackage takes one PNG for the menu entry; the window icons ship in the app itself
cp png/encore-256.png encore.png
res=../../src/main/resources/encore/ui
for size in 16 32 64 256; do
  cp "png/encore-$size.png" "$res/icon-$size.png"
done
echo "rendered: $(ls png | wc -l) PNGs, encore.ico, encore.icns, encore.png"
