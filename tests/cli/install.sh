#!/usr/bin/env bash
# divlab installs like a desktop application (docs/install.md). `cmake --install` into a temporary
# prefix, then moved elsewhere: the installed divlab, run from another folder, reads its presets from
# beside itself and never from the source tree (with its installed data moved away it has none),
# lists and opens them read-only, renders a figure; the desktop entry is valid, the icons have their sizes,
# the man page has every command, the MIME type recognises scenario files and the desktop's own
# launcher (gio open, as a file manager's double-click) opens one in divlab. The Debian package
# (cpack) holds the same files, with dependencies computed, and runs from an extracted copy.
set -uo pipefail
: "${DIVLAB:?path to divlab}" "${SRC:?source dir}" "${BUILD:?build dir}"
: "${DISPLAY:?needs an X display (run under xvfb-run)}"
work=$(mktemp -d)
gui_pid=""
cleanup() { [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
die() { echo "FAIL: $*"; exit 1; }
step() { echo "-- $*"; }

# [1] Install, then move the prefix: nothing may point back to where it was installed or built.
step "cmake --install $BUILD --prefix <tmp>"
cmake --install "$BUILD" --prefix "$work/installed" >"$work/install.log" 2>&1 || { cat "$work/install.log"; die "cmake --install"; }
mkdir -p "$work/elsewhere" "$work/links"
mv "$work/installed" "$work/moved"
prefix=$(realpath "$work/moved")
data="$prefix/share/divlab"
bin="$prefix/bin/divlab"
cd "$work/elsewhere" || die "cd"
[ -x "$bin" ] || die "no $bin"

# [2] The data folder is found beside the executable, also through a symlink to it.
ln -s "$bin" "$work/links/divlab"
for exe in "$bin" "$work/links/divlab"; do
  said=$("$exe" --version | sed -n 2p)
  [ "$said" = "data: $data" ] || die "$exe --version says '$said', expected 'data: $data'"
done
version=$("$bin" --version | sed -n 's/^divlab //p;q')
echo "installed divlab $version reads $data"
grep -qaF "$SRC/assets" "$bin" && die "the installed binary still holds the source path $SRC/assets"

# [3] Every file of assets/ (presets, tours) is installed, and nothing else.
diff <(cd "$SRC/assets" && find . -type f | sort) <(cd "$data" && find . -type f | sort) || die "installed data differs from assets/"

# [4] The GUI lists and opens the installed presets: open_preset n succeeds for the last preset of
# each lab's folder and fails one past it (offscreen, through the app's own Presets list).
open_preset() {  # open_preset FILE LAB N: exit status of the GUI opening preset N of lab LAB
  "$bin" screenshot "$1" -o "$work/shot.png" --size 800x600 --frames 1 --lab "$2" --run "open_preset={\"n\":$3}" 2>"$work/err"
}
for lab_folder in divergence:presets joint:presets/joint coding:presets/coding; do
  lab=${lab_folder%%:*} folder=${lab_folder#*:}
  n=$(find "$data/$folder" -maxdepth 1 -name '*.json' | wc -l)
  [ "$n" -ge 1 ] || die "no presets in $data/$folder"
  first=$(find "$data/$folder" -maxdepth 1 -name '*.json' | sort | head -n1)
  open_preset "$first" "$lab" "$n" || { cat "$work/err"; die "$lab lab: preset $n of $n did not open"; }
  open_preset "$first" "$lab" $((n + 1)) && die "$lab lab: preset $((n + 1)) of $n opened"
  grep -q "open_preset" "$work/err" || { cat "$work/err"; die "$lab lab: no error naming open_preset"; }
  echo "$lab lab: the GUI lists the $n presets of $folder and opens them"
done
# An installed preset is a read-only template (is_preset on the installed path): edited, then
# saved (Ctrl+S), it is not written; Save As opens instead.
preset1=$(find "$data/presets" -maxdepth 1 -name '*.json' | sort | head -n1)
before=$(md5sum <"$preset1")
HOME="$work/home" "$bin" screenshot "$preset1" -o "$work/shot.png" --size 800x600 --frames 1 \
  --run 'open_preset={"n":1}' --run divergence.uniform --run save 2>"$work/err" || { cat "$work/err"; die "edit and save a preset"; }
[ "$(md5sum <"$preset1")" = "$before" ] || die "saving an edited installed preset overwrote it"
cp "$preset1" "$work/own.json"  # the control: the same steps on the user's own copy do write it
HOME="$work/home" "$bin" screenshot "$work/own.json" -o "$work/shot.png" --size 800x600 --frames 1 \
  --run "open_file={\"path\":\"$work/own.json\"}" --run divergence.uniform --run save 2>"$work/err" || { cat "$work/err"; die "edit and save a copy"; }
[ "$(md5sum <"$work/own.json")" != "$before" ] || die "the control: an edited own file was not saved"
echo "an edited installed preset is not overwritten by Save (an own copy is)"
# Every installed preset loads (the CLI's loader, the same as the GUI's).
count=0
while IFS= read -r f; do
  "$bin" metrics "$f" >/dev/null 2>"$work/err" || { cat "$work/err"; die "metrics $f"; }
  count=$((count + 1))
done < <(find "$data/presets" -name '*.json' | sort)
echo "all $count installed presets load"

# [5] No way back to the source tree: with the installed data moved away, the installed divlab has
# no presets at all (a build folder's divlab reads the source's through BUILD/share/divlab).
mv "$data" "$data.away"
coin="$data.away/presets/01-fair-vs-rigged-coin.json"
open_preset "$coin" divergence 1 && die "presets found with the installed data moved away"
grep -q "this lab has no presets" "$work/err" || { cat "$work/err"; die "expected 'this lab has no presets'"; }
mv "$data.away" "$data"
echo "with its data moved away, the installed divlab finds no presets (no source fallback)"

# [6] A figure from an installed preset, rendered in another folder.
"$bin" render "$data/presets/04-bimodal-vs-one-gaussian.json" -o fig.png --figure contributions 2>"$work/err" ||
  { cat "$work/err"; die "render"; }
[ "$(head -c 8 fig.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || die "fig.png is not a PNG"
echo "rendered fig.png ($(stat -c %s fig.png) bytes)"

# [7] Desktop entry, icons, man page.
desktop="$prefix/share/applications/divlab.desktop"
out=$(desktop-file-validate "$desktop" 2>&1) || die "desktop-file-validate: $out"
[ -z "$out" ] || die "desktop-file-validate: $out"
grep -qx "Exec=divlab %f" "$desktop" && grep -qx "Icon=divlab" "$desktop" &&
  grep -qx "MimeType=application/x-divlab-scenario;" "$desktop" || die "desktop entry: Exec, Icon or MimeType"
python3 - "$prefix/share/icons/hicolor" <<'PY' || die "icons"
import struct, sys, xml.etree.ElementTree as ET
root = sys.argv[1]
ET.parse(f"{root}/scalable/apps/divlab.svg")  # well-formed
for n in (16, 22, 24, 32, 48, 64, 128, 256):
    with open(f"{root}/{n}x{n}/apps/divlab.png", "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", n
    w, h = struct.unpack(">II", head[16:24])
    assert (w, h) == (n, n), f"{n}x{n}/apps/divlab.png is {w}x{h}"
print("icons: scalable SVG and PNGs of 16 to 256 px")
PY
man="$prefix/share/man/man1/divlab.1.gz"
gzip -t "$man" || die "man page"
zcat "$man" >"$work/divlab.1"
grep -q "^\.TH DIVLAB 1 .*\"divlab $version\"" "$work/divlab.1" || die "man page: .TH without this version"
commands=$("$bin" --help | sed -n 's/^  divlab \([a-z][a-z_-]*\).*/\1/p' | sort -u)
[ -n "$commands" ] || die "no commands in divlab --help"
for c in $commands; do
  grep -q "^\.B divlab $c\b" "$work/divlab.1" || die "man page: no section for 'divlab $c'"
done
echo "man page: every command of divlab --help ($(echo $commands))"

# [8] The MIME type, as the desktop sees it (the install refreshed the prefix's MIME database and
# desktop cache): by the .divlab.json glob, by content for a name that says nothing, and (GIO sniffs
# under a glob of a parent type) for a plain .json; other JSON stays application/json.
export XDG_DATA_DIRS="$prefix/share:/usr/share" XDG_DATA_HOME="$work/data-home" PATH="$prefix/bin:$PATH"
[ -s "$prefix/share/mime/mime.cache" ] || die "no MIME database under the prefix"
cp "$data/presets/01-fair-vs-rigged-coin.json" lecture.divlab.json
cp lecture.divlab.json lecture
cp lecture.divlab.json coin.json
echo '{"name": "not a scenario", "format": "other"}' >other.json
type_of() { gio info -a standard::content-type "$1" 2>/dev/null | sed -n 's/.*standard::content-type: //p'; }
for f in lecture.divlab.json lecture coin.json; do
  [ "$(type_of "$f")" = "application/x-divlab-scenario" ] || die "$f is '$(type_of "$f")'"
done
[ "$(type_of other.json)" = "application/json" ] || die "other.json is '$(type_of other.json)'"
handlers=$(gio mime application/x-divlab-scenario 2>&1)
grep -q "^Default application.*divlab\.desktop" <<<"$handlers" || die "divlab is not the default application: $handlers"
echo "MIME: lecture.divlab.json, lecture and coin.json are application/x-divlab-scenario, opened by divlab.desktop"

# [9] Double-click: gio open (the desktop's launcher) starts the installed divlab on the file.
command -v xdotool >/dev/null || die "xdotool missing (scripts/deps.sh --test)"
XDG_STATE_HOME="$work/state" gio open "$work/elsewhere/lecture" || die "gio open"
win=$(timeout 20 xdotool search --sync --name "Fair coin vs rigged coin — divlab" | head -n1)
[ -n "$win" ] || die "no divlab window for the opened file"
gui_pid=$(xdotool getwindowpid "$win")
[ "$(readlink "/proc/$gui_pid/exe")" = "$bin" ] || die "the window is not the installed divlab's"
tr '\0' ' ' <"/proc/$gui_pid/cmdline" | grep -q "divlab $work/elsewhere/lecture" || die "not started on the file"
kill "$gui_pid"; gui_pid=""
echo "gio open lecture: the installed divlab's window shows 'Fair coin vs rigged coin'"

# [10] The Debian package: the same files, dependencies computed by dpkg-shlibdeps, no caches.
step "cpack -G DEB"
cpack --config "$BUILD/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; die "cpack"; }
deb="$work/pkg/divlab_${version}_amd64.deb"
[ -f "$deb" ] || { ls "$work/pkg"; die "no $deb"; }
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./usr/|/|' | sort >"$work/deb.list"
for f in /bin/divlab /share/applications/divlab.desktop /share/icons/hicolor/scalable/apps/divlab.svg \
         /share/icons/hicolor/48x48/apps/divlab.png /share/mime/packages/divlab.xml /share/man/man1/divlab.1.gz \
         /share/doc/divlab/README.md; do
  grep -qx "$f" "$work/deb.list" || die "the package lacks /usr$f"
done
diff <(cd "$SRC/assets" && find . -type f | sed 's|^\.|/share/divlab|' | sort) \
     <(grep '^/share/divlab/.*[^/]$' "$work/deb.list") || die "the package's data differs from assets/"
grep -q "mime\.cache\|mimeinfo\.cache" "$work/deb.list" && die "the package holds a cache dpkg's triggers make"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libc6 libstdc++6 libglfw3 libcairo2 libegl1 fonts-dejavu-core; do
  grep -q "\b$d\b" <<<"$depends" || die "Depends lacks $d: $depends"
done
dpkg-deb -x "$deb" "$work/root"
said=$("$work/root/usr/bin/divlab" --version | sed -n 2p)
[ "$said" = "data: $(realpath "$work/root")/usr/share/divlab" ] || die "extracted package: $said"
open_preset_root() { "$work/root/usr/bin/divlab" screenshot "$coin_root" -o "$work/shot.png" --size 800x600 --frames 1 --run 'open_preset={"n":1}'; }
coin_root="$work/root/usr/share/divlab/presets/01-fair-vs-rigged-coin.json"
open_preset_root 2>"$work/err" || { cat "$work/err"; die "the extracted package's divlab does not open its presets"; }
echo "package $(basename "$deb") ($(stat -c %s "$deb") bytes): $(wc -l <"$work/deb.list") entries; Depends: $depends"
echo "install: all passed"
