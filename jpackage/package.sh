#!/usr/bin/env bash
# Builds Encore's app image and installers with its own Java runtime (jlink) — run by
# `./mvnw -B -Pinstaller package`, which first builds target/encore.jar and target/lib/.
#
#   jpackage/package.sh VERSION TYPE...     TYPE: app-image deb rpm (Linux) | msi exe (Windows) | dmg pkg (macOS)
#
# Each platform builds its own installers (jpackage cannot cross-build): the per-platform
# options are in jpackage/linux, jpackage/windows, jpackage/macos; what is common is here and in
# jpackage/app.args. Output: target/installer/ (the app image, then the installers).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: jpackage/package.sh VERSION TYPE...}
shift
[ $# -gt 0 ] || set -- app-image

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) echo "unsupported system: $(uname -s)" >&2; exit 1 ;;
esac
for tool in jdeps jlink jpackage java; do
  command -v "$tool" >/dev/null || { echo "missing $tool: a JDK 17 (with jpackage) must be on the PATH" >&2; exit 1; }
done
[ -f target/encore.jar ] && [ -d target/lib ] || { echo "build first: ./mvnw -B package" >&2; exit 1; }

work=target/jpackage-work
out=target/installer
rm -rf "$work" "$out"
mkdir -p "$work/input/lib" "$work/fx" "$work/natives" "$out"
start=$(date +%s)
step() { echo "[$(( $(date +%s) - start ))s] $*"; }

# 1. Split the jars: JavaFX's platform jars become modules of the runtime; everything else is the
#    app's class path. Native libraries leave the jars for the runtime's library folder.
fx=() app=()
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-[0-9]*-*.jar) fx+=("$jar") ;;      # javafx-graphics-21.0.11-linux.jar: modular, with natives
    javafx-*.jar) ;;                            # the empty jars that only pull in the platform jar
    *) app+=("$jar") ;;
  esac
done
[ ${#fx[@]} -gt 0 ] || { echo "no JavaFX platform jars in target/lib" >&2; exit 1; }
step "split natives out of ${#fx[@]} JavaFX and ${#app[@]} other jars"
java jpackage/SplitNatives.java "$work/fx" "$work/natives" "${fx[@]}"
java jpackage/SplitNatives.java "$work/input/lib" "$work/natives" "${app[@]}"
cp target/encore.jar "$work/input/"
cp -R sample-data "$work/input/sample-data"   # found beside the jar by encore.pipeline.SampleWarehouse

# 2. The modules Encore needs, as jdeps finds them, plus those reached only by reflection or
#    service lookup (jdeps cannot see them): jdk.localedata (number and date formats of the
#    user's locale), jdk.unsupported (sun.misc.Unsafe, used by libraries when present),
#    jdk.crypto.ec (TLS, should a library fetch anything).
modpath=$work/fx
step "jdeps"
found=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --module-path "$modpath" \
  target/encore.jar "$work"/input/lib/*.jar 2>/dev/null)
modules="$found,jdk.localedata,jdk.unsupported,jdk.crypto.ec"
echo "modules: $modules"

# 3. The runtime: jlink'ed from the JDK's modules and JavaFX's, without debug data, headers, man
#    pages or the java commands; the native libraries go where System.loadLibrary finds them.
step "jlink"
jdk=$(dirname "$(dirname "$(readlink -f "$(command -v jlink)" 2>/dev/null || command -v jlink)")")
[ -d "$jdk/jmods" ] || { echo "missing $jdk/jmods: jlink needs the JDK's jmods (Debian: openjdk-17-jmods)" >&2; exit 1; }
sep=:
[ "$os" = windows ] && sep=';'
jlink --module-path "$jdk/jmods$sep$work/fx" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --strip-native-commands --compress=2 --include-locales=en,de,fr,es,it,pt,nl,sv,da,nb,fi,pl,cs,ja,zh,ko \
  --output "$work/runtime"
libdir=lib
[ "$os" = windows ] && libdir=bin
cp "$work"/natives/* "$work/runtime/$libdir/"

# 4. The app image: the runtime, the jars, the sample, two launchers (the app, and the console
#    command line), icon and metadata.
step "app image"
jpackage --type app-image --dest "$out" --app-version "$version" --input "$work/input" \
  --runtime-image "$work/runtime" @jpackage/app.args @jpackage/$os/app-image.args

image=$out/Encore
[ "$os" = macos ] && image=$out/Encore.app
# 5. Installers from the image.
for type in "$@"; do
  [ "$type" = app-image ] && continue
  step "$type"
  jpackage --type "$type" --dest "$out" --verbose --app-version "$version" --app-image "$image" \
    @jpackage/app.args @jpackage/$os/installer.args
done
step "done"
ls -la "$out"
