#!/usr/bin/env bash
# The installed app, tried as a user would: run by `./mvnw -B -Pinstaller verify` after the image
# is built. With no Java on the PATH and a fresh home folder it checks that
#   - the desktop app starts under Xvfb, draws its window, builds the bundled sample and shows
#     its dashboard; a screenshot of the screen is kept in target/installer/first-start.png;
#   - a warehouse given as the argument (a double-click on a .duckdb) opens in the app;
#   - the command line works from both launchers (bin/encore, bin/Encore), headless;
#   - nothing is written into the install folder, and user data lands in the XDG folders;
#   - the .deb, when built, names its dependencies and installs the menu entry and file types.
# Needs xvfb and imagemagick (screenshot). Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/installer
img=$out/Encore
[ -x "$img/bin/Encore" ] || { echo "FAIL: no app image at $img (build it: ./mvnw -B -Pinstaller package)" >&2; exit 1; }
img=$(cd "$img" && pwd)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
marker=$home/.started
touch "$marker"
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }
# a user's environment without Java: no JAVA_HOME, and a PATH with nothing on it at all
mkdir "$home/empty-path"
user_env=(env -i PATH="$home/empty-path" HOME="$home" LANG=C.UTF-8)
log=$home/.local/state/encore/logs/encore.log

# Starts the desktop app under Xvfb with ARGS, waits until the log shows PATTERN, takes a
# screenshot to SHOT, stops the app. Prints the log's "First frame" figure.
run_app() {
  local pattern=$1 shot=$2
  shift 2
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    img=$1 home=$2 log=$3 pattern=$4 shot=$5
    shift 5
    env -i PATH="$home/empty-path" HOME="$home" LANG=C.UTF-8 DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" \
      "$img/bin/Encore" "$@" >"$home/app.out" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do
      if [ -f "$log" ] && grep -qE "$pattern" "$log"; then break; fi
      kill -0 $pid 2>/dev/null || break
      sleep 0.5
    done
    sleep 3   # let the charts draw
    import -window root "$shot" 2>/dev/null || true
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
  ' run "$img" "$home" "$log" "$pattern" "$shot" "$@"
  grep -qE "$pattern" "$log" 2>/dev/null || { cat "$home/app.out" >&2; [ -f "$log" ] && cat "$log" >&2; fail "the app never logged: $pattern"; }
}

# 1. First start: window, sample built, dashboard shown
sample_db=$home/.local/share/encore/sample.duckdb
run_app "Dashboard of $sample_db shows [0-9]+ plays" "$out/first-start.png"
plays=$(grep -oE "Dashboard of $sample_db shows [0-9]+ plays" "$log" | grep -oE '[0-9]+ plays' | grep -oE '[0-9]+')
[ "$plays" -gt 0 ] || fail "the sample's dashboard shows no plays"
frame=$(grep -oE 'First frame [0-9]+ ms' "$log" | head -1 | grep -oE '[0-9]+')
[ -n "$frame" ] || fail "no first frame was logged"
ok "first start: window drawn ${frame} ms after launch; the sample's dashboard shows $plays plays"
grep -q "in $img/lib/runtime" "$log" || fail "the app did not run on the bundled runtime: $(grep starting "$log")"
ok "runs on the bundled runtime ($img/lib/runtime)"
colours=$(convert "$out/first-start.png" -format %k info: 2>/dev/null || echo 0)
[ "$colours" -gt 100 ] || fail "the screenshot has $colours colours: no window was drawn"
ok "screenshot $out/first-start.png ($colours colours)"
[ -f "$home/.config/encore/settings.properties" ] || fail "no settings in ~/.config/encore"
[ -f "$sample_db" ] || fail "no sample warehouse in ~/.local/share/encore"
[ ! -e "$home/.openjfx" ] || fail "JavaFX unpacked its libraries into ~/.openjfx"
ok "user data in the XDG folders: settings, sample warehouse, log"

# 2. The command line from the image, headless (no DISPLAY)
version=$("${user_env[@]}" "$img/bin/encore" --version | head -1)
[[ "$version" == "Encore "[0-9]* ]] || fail "encore --version said: $version"
db=$home/work/loaded.duckdb
mkdir -p "$home/work"
"${user_env[@]}" "$img/bin/encore" etl --data "$img/lib/app/sample-data" --db "$db" --json >"$home/etl.json" 2>"$home/etl.err" \
  || fail "encore etl exited with $?"
grep -q '"passed":true' "$home/etl.json" && ! grep -q '"passed":false' "$home/etl.json" \
  || fail "encore etl --json reported failing or no checks: $(head -c 400 "$home/etl.json")"
count=$("${user_env[@]}" "$img/bin/Encore" query --db "$db" --format csv "SELECT count(*) AS plays FROM songplays" | tail -1 | tr -d '\r')
[ "$count" = "$plays" ] || fail "bin/Encore query counted $count plays, the app's dashboard $plays"
ok "command line: $version; etl and query from bin/encore and bin/Encore ($count plays)"
set +e
"${user_env[@]}" "$img/bin/encore" query --db "$home/work/missing.duckdb" "SELECT 1" 2>"$home/err.txt"
rc=$?
set -e
[ $rc -eq 1 ] && grep -q "missing.duckdb" "$home/err.txt" || fail "a missing warehouse gave exit $rc: $(cat "$home/err.txt")"
ok "command line errors name the file (exit $rc)"

# 3. A warehouse given as the argument opens in the app (what a double-click on a .duckdb does)
run_app "Dashboard of $db shows [0-9]+ plays" "$home/opened.png" "$db"
ok "a .duckdb given at launch opens in the app"

# 4. Nothing was written into the install folder
written=$(find "$img" -newer "$marker" | head -5)
[ -z "$written" ] || fail "files written inside the install folder: $written"
ok "nothing written inside $img"

# 5. The .deb, when it was built
deb=$(ls "$out"/*.deb 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then
  info=$(dpkg-deb -I "$deb")
  grep -q "Depends:.*libgtk-3-0" <<<"$info" || fail "$deb does not depend on libgtk-3-0"
  files=$(dpkg-deb -c "$deb")
  for f in ./opt/encore/bin/Encore ./opt/encore/bin/encore ./opt/encore/lib/encore-Encore.desktop ./opt/encore/lib/app/sample-data/README.md; do
    grep -q " $f\$" <<<"$files" || fail "$deb lacks $f"
  done
  dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | grep -q "xdg-mime install" || fail "$deb registers no file types"
  ok "$(basename "$deb"): depends on GTK, installs both launchers, the menu entry and the file types"
fi
echo "PASS: app image $(du -sm "$img" | cut -f1) MB${deb:+, $(basename "$deb") $(( $(stat -c %s "$deb") / 1048576 )) MB}"
