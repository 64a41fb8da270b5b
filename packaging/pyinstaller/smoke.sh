#!/usr/bin/env bash
# Smoke test of a PyInstaller one-folder build of netdesk (Linux).
#
#   packaging/pyinstaller/smoke.sh [DIST_FOLDER]      (default: dist/netdesk)
#
# (a) CLI on a fresh data dir: `list --json` prints [] and the Alembic migrations create the
#     SQLite file (the migration scripts, alembic and SQLAlchemy's sqlite dialect are bundled);
# (b) `import` of a vCard file, `list`, `export` 3.0 and 4.0, re-import is idempotent (vobject
#     and the vCard code are bundled);
# (c) the GUI under Xvfb: the window maps, paints (NETDESK_SCREENSHOT, default
#     /tmp/nd-frozen.png, override with SCREENSHOT=path) and carries the app icon
#     (_NET_WM_ICON, with no icon theme to fall back on); a second instance hands a .vcf over to
#     it and exits 0; SIGTERM quits it with status 0.
#
# Needs: Xvfb, xwininfo and xprop (apt-get install xvfb x11-utils) and Qt's xcb libraries
# (libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
# libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxkbcommon-x11-0 fonts-dejavu-core).
# Everything runs with a private HOME/XDG/TMPDIR in a temp dir (KEEP=1 keeps it).
set -euo pipefail

DIST=${1:-dist/netdesk}
DIST=$(cd "$DIST" && pwd)
APP="$DIST/netdesk"
SHOT=${SCREENSHOT:-/tmp/nd-frozen.png}
TIMEOUT=${TIMEOUT:-60}

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

[ -x "$APP" ] || fail "$APP is not an executable (build first, see README.md)"
for tool in Xvfb xwininfo xprop; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install xvfb x11-utils)"
done

WORK=$(mktemp -d /tmp/nd-smoke.XXXXXX)
XVFB_PID="" GUI_PID=""
cleanup() {
    # Only the processes this script started, by their ids.
    [ -n "$GUI_PID" ] && kill -KILL "$GUI_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill -TERM "$XVFB_PID" 2>/dev/null || true
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# A clean environment: nothing from the caller's profile, no icon theme to fall back on.
mkdir -p "$WORK/home" "$WORK/tmp" "$WORK/run" "$WORK/empty" "$WORK/in"
chmod 700 "$WORK/run"
export HOME="$WORK/home" TMPDIR="$WORK/tmp" XDG_RUNTIME_DIR="$WORK/run"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export XDG_DATA_DIRS="$WORK/empty" XDG_CONFIG_DIRS="$WORK/empty"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NETDESK_DATA_DIR NETDESK_SCREENSHOT DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM || true
DATA="$WORK/data"

cat > "$WORK/in/people.vcf" <<'EOF'
BEGIN:VCARD
VERSION:3.0
UID:smoke-1
FN:Ada Lovelace
N:Lovelace;Ada;;;
EMAIL;TYPE=INTERNET:ada@example.org
ORG:Analytical Engines Ltd
END:VCARD
BEGIN:VCARD
VERSION:3.0
UID:smoke-2
FN:Grace Hopper
N:Hopper;Grace;;;
TEL;TYPE=CELL:+1 555 0100
ORG:US Navy
END:VCARD
BEGIN:VCARD
VERSION:4.0
UID:smoke-3
FN:Alan Turing
N:Turing;Alan;;;
EMAIL:alan@example.org
CATEGORIES:friends,math
END:VCARD
EOF
cat > "$WORK/in/handed over.vcf" <<'EOF'
BEGIN:VCARD
VERSION:3.0
UID:smoke-4
FN:Katherine Johnson
N:Johnson;Katherine;;;
END:VCARD
EOF

step "(a) CLI on a fresh data dir: version, list --json, migrations"
"$APP" --version
out=$("$APP" --data-dir "$DATA" list --json)
[ "$out" = "[]" ] || fail "list --json on an empty store printed: $out"
[ -s "$DATA/netdesk.sqlite3" ] || fail "no $DATA/netdesk.sqlite3 after the first run"
echo "list --json -> $out; $(du -h "$DATA/netdesk.sqlite3" | cut -f1) database created"

step "(b) import, list, export 3.0/4.0, idempotent re-import"
out=$("$APP" --data-dir "$DATA" import "$WORK/in/people.vcf")
echo "$out"
[[ "$out" == *"3 created"* ]] || fail "import: $out"
names=$("$APP" --data-dir "$DATA" list --json)
for name in "Ada Lovelace" "Grace Hopper" "Alan Turing"; do
    [[ "$names" == *"\"$name\""* ]] || fail "$name missing after import: $names"
done
"$APP" --data-dir "$DATA" export -o "$WORK/out3.vcf"
[ "$(grep -c '^BEGIN:VCARD' "$WORK/out3.vcf")" = 3 ] || fail "export 3.0: $(cat "$WORK/out3.vcf")"
"$APP" --data-dir "$DATA" export --vcard-version 4.0 --tag math > "$WORK/out4.vcf"
grep -q '^VERSION:4.0' "$WORK/out4.vcf" && grep -q '^FN:Alan Turing' "$WORK/out4.vcf" \
    || fail "export 4.0 --tag math: $(cat "$WORK/out4.vcf")"
out=$("$APP" --data-dir "$DATA" import "$WORK/out3.vcf")
[[ "$out" == *"0 created"* ]] || fail "re-importing the export created contacts: $out"
echo "export: 3 cards (3.0), 1 card (4.0, tag math); re-import: $out"

step "(c) GUI under Xvfb"
display=""
for n in $(seq 90 189); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=$n; break; fi
done
[ -n "$display" ] || fail "no free X display between :90 and :189"
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$display" ] || fail "Xvfb :$display did not start: $(cat "$WORK/xvfb.log")"
export DISPLAY=":$display" QT_QPA_PLATFORM=xcb

rm -f "$SHOT"
started=$(date +%s.%N)
NETDESK_SCREENSHOT="$SHOT" "$APP" --data-dir "$DATA" >"$WORK/gui.out" 2>&1 &
GUI_PID=$!
deadline=$(( $(date +%s) + TIMEOUT ))
until [ -s "$SHOT" ]; do
    kill -0 "$GUI_PID" 2>/dev/null || fail "the GUI exited early: $(cat "$WORK/gui.out")"
    [ "$(date +%s)" -lt "$deadline" ] || fail "no screenshot after ${TIMEOUT}s: $(cat "$WORK/gui.out")"
    sleep 0.1
done
printf 'first paint (screenshot written) after %.1f s: %s\n' \
    "$(echo "$(date +%s.%N) - $started" | bc)" "$SHOT"
sleep 0.5  # let the PNG writer finish
window=$(xwininfo -root -tree | awk '/"netdesk": \("netdesk" "netdesk"\)/ {print $1; exit}')
[ -n "$window" ] || fail "no mapped netdesk window: $(xwininfo -root -tree)"
xwininfo -id "$window" | awk '/Width|Height|Map State/ {$1=$1; print "window " $0}'
icon=$(xprop -id "$window" _NET_WM_ICON)
[[ "$icon" == "_NET_WM_ICON(CARDINAL) = "* ]] \
    || fail "the window has no icon (resources/netdesk.svg not found or the SVG plugins missing)"
echo "window icon (_NET_WM_ICON) sizes: $(grep -o 'Icon ([0-9]* x [0-9]*)' <<<"$icon" \
    | sed 's/Icon (\(.*\))/\1/' | sort -un | paste -sd ',')"

# A second instance hands its file over to the running one and exits 0.
timeout 30 "$APP" --data-dir "$DATA" "$WORK/in/handed over.vcf" >"$WORK/second.out" 2>&1 \
    || fail "the second instance failed ($?): $(cat "$WORK/second.out")"
deadline=$(( $(date +%s) + TIMEOUT ))
until "$APP" --data-dir "$DATA" list --json | grep -q '"Katherine Johnson"'; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "the handed-over file was not imported"
    sleep 0.5
done
kill -0 "$GUI_PID" 2>/dev/null || fail "the GUI exited after the hand-over: $(cat "$WORK/gui.out")"
echo "hand-over: second instance exited 0, the running one imported the file"

kill -TERM "$GUI_PID"
status=0
for _ in $(seq 1 300); do kill -0 "$GUI_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$GUI_PID" 2>/dev/null && fail "the GUI did not quit within 30 s of SIGTERM"
wait "$GUI_PID" || status=$?
GUI_PID=""
[ "$status" = 0 ] || fail "the GUI exited with $status after SIGTERM: $(cat "$WORK/gui.out")"
if grep -q Traceback "$WORK/gui.out" || grep -q CRITICAL "$DATA/logs/netdesk.log"; then
    fail "errors while running: $(cat "$WORK/gui.out" "$DATA/logs/netdesk.log")"
fi
echo "SIGTERM -> exit 0"

step "OK: $(du -sh "$DIST" | cut -f1) in $DIST; screenshot in $SHOT"
