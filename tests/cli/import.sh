#!/usr/bin/env bash
# `divlab import` (SPEC §11): texts and CSV files become ordinary scenarios that `divlab metrics`
# reads; every malformed input gets one clear stderr line and exit 2 (SPEC §4), an unwritable output
# exit 1, and no failure leaves a file behind. Counts themselves: tests/core/import/import_test.cpp.
set -uo pipefail
: "${DIVLAB:?}" "${SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
data="$SRC/tests/reference/import"

# expect_status STATUS PATTERN CMD...: the status, nothing on stdout, one stderr line matching
# PATTERN (grep -E), no control characters, within 20 s.
expect_status() {
  local want=$1 pattern=$2; shift 2
  local status=0
  timeout 20 "$DIVLAB" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || status=$?
  if [[ $status -ne $want ]]; then echo "FAIL: divlab $* → status $status (want $want): $(head -c 300 "$tmp/err")"; fail=1; fi
  if [[ -s $tmp/out ]]; then echo "FAIL: divlab $* wrote to stdout"; fail=1; fi
  if [[ $(wc -l <"$tmp/err") -ne 1 ]]; then echo "FAIL: divlab $* → $(wc -l <"$tmp/err") stderr lines: $(head -c 300 "$tmp/err")"; fail=1; fi
  if ! grep -Eq -- "$pattern" "$tmp/err"; then echo "FAIL: divlab $* → '$(head -c 300 "$tmp/err")' lacks /$pattern/"; fail=1; fi
  if LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]' "$tmp/err"; then echo "FAIL: divlab $* put a control character on stderr"; fail=1; fi
}

# ok CMD...: exit 0, nothing on stderr.
ok() {
  if ! "$DIVLAB" "$@" 2>"$tmp/err" >"$tmp/ok-out" || [[ -s $tmp/err ]]; then
    echo "FAIL: divlab $* → $(head -c 300 "$tmp/err")"; fail=1
  fi
}

# [SECTION] happy paths: each output is a scenario `divlab metrics` reads.
ok import --text "$data/german.txt" "$data/english.txt" -o "$tmp/letters.json"
ok metrics "$tmp/letters.json" --json
grep -q '"kl_pq"' "$tmp/ok-out" || { echo "FAIL: metrics on the imported letters"; fail=1; }
ok import --text "$data/greek.txt" --unit char -o "$tmp/greek.json"
ok metrics "$tmp/greek.json"
ok import --text "$data/english.txt" "$data/bom_crlf.txt" --unit word -o "$tmp/words.json"
ok metrics "$tmp/words.json" --json
ok import --csv "$data/quoted_crlf_bom.csv" --p "count P" --q "count Q" --label word -o "$tmp/quoted.json"
ok metrics "$tmp/quoted.json" --json
ok import --csv "$data/letters.csv" -o "$tmp/csv-default.json"
ok import --csv "$data/numbers_only.csv" -o "$tmp/numbers.json"
ok metrics "$tmp/numbers.json"
# The exact scenario for a small text: labels by P's count, then code point order; Q uniform.
printf 'Abba, CAB! d' >"$tmp/small.txt"
ok import --text "$tmp/small.txt" -o -
python3 - "$tmp/ok-out" <<'PY' || fail=1
import json, sys
s = json.load(open(sys.argv[1]))
want = {"labels": ["a", "b", "c", "d"], "p": [3, 3, 1, 1], "q": [1, 1, 1, 1]}
got = {"labels": s["support"]["labels"], "p": s["p"]["mass"], "q": s["q"]["mass"]}
if s["format"] != "divlab.scenario" or s["kind"] != "discrete" or got != want:
    print("FAIL: import -o - gave", got)
    sys.exit(1)
PY
# Identical columns: D(P‖Q) = 0 exactly.
printf 'w,p,q\r\nx,1,2\r\ny,3,6\r\n' >"$tmp/same.csv"
ok import --csv "$tmp/same.csv" -o "$tmp/same.json"
ok metrics "$tmp/same.json" --json
python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); sys.exit(0 if m["kl_pq"] == 0 and m["entropy_p"] > 0 else 1)' "$tmp/ok-out" \
  || { echo "FAIL: metrics of identical columns: $(cat "$tmp/ok-out")"; fail=1; }
# --help and the top-level usage name the command.
"$DIVLAB" import --help | grep -q -- "--unit" || { echo "FAIL: import --help"; fail=1; }
"$DIVLAB" --help | grep -q "divlab import --csv" || { echo "FAIL: divlab --help lacks import"; fail=1; }

# [SECTION] usage errors
expect_status 2 "^divlab: import: give --text P.txt \[Q.txt\] or --csv FILE.csv" import -o "$tmp/x.json"
expect_status 2 "^divlab: import: .*output.* is required" import --text "$data/german.txt"
expect_status 2 "^divlab: import: --unit: expected letter, char or word, got 'syllable'$" import --text "$data/german.txt" --unit syllable -o "$tmp/x.json"
expect_status 2 "^divlab: import: .*excludes" import --text "$data/german.txt" --csv "$data/letters.csv" -o "$tmp/x.json"
expect_status 2 "^divlab: import: " import --text "$data/german.txt" --p english -o "$tmp/x.json"
expect_status 2 "^divlab: import: " import --text a b c -o "$tmp/x.json"

# [SECTION] hostile inputs: one line naming the file and what is wrong, exit 2.
expect_status 2 "^divlab: $tmp/nothere.txt: cannot open: No such file or directory$" import --text "$tmp/nothere.txt" -o "$tmp/x.json"
mkdir "$tmp/dir"
expect_status 2 "^divlab: $tmp/dir: cannot read: is a directory$" import --text "$tmp/dir" -o "$tmp/x.json"
expect_status 2 "^divlab: $tmp/dir: cannot read: is a directory$" import --csv "$tmp/dir" -o "$tmp/x.json"
expect_status 2 "^divlab: /dev/zero: cannot read: not a regular file or a pipe$" import --text /dev/zero -o "$tmp/x.json"
printf 'PK\003\004\000\000\024\000binary' >"$tmp/archive.zip"
expect_status 2 "^divlab: $tmp/archive.zip: byte offset 4: a NUL byte; this is not a text file$" import --text "$tmp/archive.zip" -o "$tmp/x.json"
expect_status 2 "^divlab: $tmp/archive.zip: byte offset 4: a NUL byte; this is not a CSV text file$" import --csv "$tmp/archive.zip" -o "$tmp/x.json"
printf 'Gr\374\337e aus K\366ln\n' >"$tmp/latin1.txt"
expect_status 2 "^divlab: $tmp/latin1.txt: byte offset 2: invalid UTF-8 \(--unit char reads the text as UTF-8\)$" import --text "$tmp/latin1.txt" --unit char -o "$tmp/x.json"
ok import --text "$tmp/latin1.txt" -o "$tmp/latin1.json"  # letters: the bytes that are not a-z are ignored
: >"$tmp/empty.txt"
expect_status 2 "^divlab: $tmp/empty.txt: no letters \(a-z\) in the text$" import --text "$tmp/empty.txt" -o "$tmp/x.json"
expect_status 2 "^divlab: $tmp/empty.txt: no words \(runs of a-z\) in the text$" import --text "$data/german.txt" "$tmp/empty.txt" --unit word -o "$tmp/x.json"
cp "$tmp/empty.txt" "$tmp/empty.csv"
expect_status 2 "^divlab: $tmp/empty.csv: the file is empty \(expected a header row and data rows\)$" import --csv "$tmp/empty.csv" -o "$tmp/x.json"
printf 'word,text\nx,y\n' >"$tmp/words.csv"
expect_status 2 "^divlab: $tmp/words.csv: no numeric column for P .*the header has: \"word\", \"text\"\)$" import --csv "$tmp/words.csv" -o "$tmp/x.json"
expect_status 2 "^divlab: $data/letters.csv: no column \"french\" for Q \(the header has: \"letter\", \"english\", \"german\"\)$" \
  import --csv "$data/letters.csv" --p english --q french -o "$tmp/x.json"
printf 'w,n\na,3\nb,-1\n' >"$tmp/negative.csv"
expect_status 2 "^divlab: $tmp/negative.csv: line 3, column \"n\": expected a count \(a finite number >= 0\), got \"-1\"$" import --csv "$tmp/negative.csv" -o "$tmp/x.json"
printf 'w,n\na,3\nb,NaN\n' >"$tmp/nan.csv"
expect_status 2 "^divlab: $tmp/nan.csv: line 3, column \"n\": expected a count" import --csv "$tmp/nan.csv" -o "$tmp/x.json"
printf 'w,n\na,3\n"b,4\nc,5\n' >"$tmp/quote.csv"
expect_status 2 "^divlab: $tmp/quote.csv: line 3: a quoted field is not closed \(a \" is missing\)$" import --csv "$tmp/quote.csv" -o "$tmp/x.json"
printf 'w,n\na,3\nb\n' >"$tmp/ragged.csv"
expect_status 2 "^divlab: $tmp/ragged.csv: line 3: expected 2 fields \(as many as the header\), got 1$" import --csv "$tmp/ragged.csv" -o "$tmp/x.json"
printf 'w,n\na,0\nb,0\n' >"$tmp/zero.csv"
expect_status 2 "^divlab: $tmp/zero.csv: column \"n\": every count is 0" import --csv "$tmp/zero.csv" -o "$tmp/x.json"
printf 'w,n\na,1\na,2\n' >"$tmp/dup.csv"
expect_status 2 "^divlab: $tmp/dup.csv: line 3, column \"w\": the label \"a\" is already used at line 2" import --csv "$tmp/dup.csv" -o "$tmp/x.json"
# A huge line: one field of 10 MB, refused at its line (no 10 MB label, no 10 MB message).
{ printf 'w,n\n'; head -c 10000000 /dev/zero | tr '\0' 'x'; printf ',1\n'; } >"$tmp/huge-line.csv"
expect_status 2 "^divlab: $tmp/huge-line.csv: line 2: a field longer than 65536 bytes$" import --csv "$tmp/huge-line.csv" -o "$tmp/x.json"
{ printf 'n'; head -c 100000 /dev/zero | tr '\0' ','; printf '\n'; } >"$tmp/wide.csv"
expect_status 2 "^divlab: $tmp/wide.csv: line 1: more than 4096 fields in a row$" import --csv "$tmp/wide.csv" -o "$tmp/x.json"
# Too large: refused from its size before anything is read (a sparse file, no disk used).
truncate -s 2G "$tmp/big.txt"
expect_status 2 "^divlab: $tmp/big.txt: cannot read: larger than 1024 MiB, too large for a text to import$" import --text "$tmp/big.txt" -o "$tmp/x.json"
expect_status 2 "^divlab: $tmp/big.txt: cannot read: larger than 1024 MiB, too large for a CSV file to import$" import --csv "$tmp/big.txt" -o "$tmp/x.json"
rm -f "$tmp/big.txt"

# [SECTION] output: unwritable is exit 1 (as render), a full stdout too.
expect_status 1 "^divlab: import: $tmp/no/such/dir/x.json: .*No such file or directory$" import --text "$data/german.txt" -o "$tmp/no/such/dir/x.json"
status=0; "$DIVLAB" import --text "$data/german.txt" -o - >/dev/full 2>"$tmp/err" || status=$?
[[ $status -eq 1 ]] && grep -q "^divlab: import: cannot write the output: No space left on device" "$tmp/err" || { echo "FAIL: import -o - >/dev/full: $status $(cat "$tmp/err")"; fail=1; }

# None of the failures above left x.json (nor a temporary) behind.
left=$(find "$tmp" -name 'x.json*' -o -name '.x.json*')
[[ -z $left ]] || { echo "FAIL: failed imports left files: $left"; fail=1; }
exit $fail
