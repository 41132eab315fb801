#!/usr/bin/env bash
# Scan speed of keyhound's engine over a directory tree, against ripgrep on the same machine in
# the same run. Usage: bench/dirscan.sh DIR [threads] [rules-dir-or-config]
#   threads  worker threads for both tools (default 1: per-core speed)
#   rules    a directory replaces the built-in rules; a .toml config is added to them
# Prints MB/s of each and keyhound's share of ripgrep's speed. Speed is a ratio, never a fixed
# number: this machine is shared, so only figures from one run compare.
set -euo pipefail
DIR=${1:?usage: bench/dirscan.sh DIR [threads] [rules]}
THREADS=${2:-1}
RULES=${3:-}
cd "$(dirname "$0")/.."

command -v rg >/dev/null || { echo "ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 2; }
mvn -q -o -DskipTests package >/dev/null
mvn -q -o test-compile >/dev/null
CP="target/keyhound.jar:target/test-classes"

# Bytes ripgrep reads: every file it searches (no ignore files, hidden files, .git/ skipped as keyhound does).
BYTES=$(rg --files --no-ignore --hidden -g '!.git' "$DIR" | tr '\n' '\0' | du -cb --files0-from=- | tail -1 | cut -f1)
PATTERN='(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'
rg_once() {
  local t0 t1
  t0=$(date +%s.%N)
  rg --no-ignore --hidden -g '!.git' -j "$THREADS" -c -e "$PATTERN" "$DIR" >/dev/null || true
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
}
rg_once >/dev/null   # warm the page cache
RG_BEST=$(for i in 1 2 3 4 5; do rg_once; done | sort -g | head -1)
RG_MBS=$(awk -v b="$BYTES" -v t="$RG_BEST" 'BEGIN { print b / 1e6 / t }')

KH_LINE=$(java -XX:+UseParallelGC -Xms512m -cp "$CP" dev.keyhound.bench.DirScanBench "$DIR" "$THREADS" 6 $RULES 2>/dev/null)
# Both speeds are over the same bytes: every file under DIR, binary ones included (both read them).
KH_BEST=$(echo "$KH_LINE" | sed -E 's/.*best=([0-9.]+)s.*/\1/')
KH_MBS=$(awk -v b="$BYTES" -v t="$KH_BEST" 'BEGIN { print b / 1e6 / t }')

printf 'tree      %s (%s bytes in files)\n' "$DIR" "$BYTES"
printf 'ripgrep   %8.1f MB/s  (one pattern: AWS access key id; best of 5; -j %s)\n' "$RG_MBS" "$THREADS"
printf '%s\n' "$KH_LINE"
printf 'keyhound  %8.1f MB/s  = %.2f x ripgrep\n' "$KH_MBS" "$(awk -v k="$KH_MBS" -v r="$RG_MBS" 'BEGIN { print k / r }')"
