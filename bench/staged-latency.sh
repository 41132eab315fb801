#!/usr/bin/env bash
# Wall time of a pre-commit scan (keyhound scan --staged) of a small change, JVM start included:
# the plain `java -jar` baseline against the launcher (AppCDS archive + C1 only), on the same
# machine in the same run, with `java -version` as the floor no JVM program can go below. Prints
# the median of RUNS runs of each and the launcher/plain ratio.
# Usage: bench/staged-latency.sh [RUNS]   (needs target/keyhound.jar: mvn -q -DskipTests package)
# BEFORE=/path/to/other/keyhound adds a row for another build's launcher (a before/after pair).
set -euo pipefail
runs=${1:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/target/keyhound.jar"
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
git init -q "$repo"
cd "$repo"
# a repository of a realistic size: 200 source files in history, then one small staged change
for i in $(seq 1 200); do
  mkdir -p "src/pkg$((i % 10))"
  printf 'package pkg;\n// file %d\nclass C%d { int x = %d; }\n' "$i" "$i" "$i" > "src/pkg$((i % 10))/C$i.java"
done
git add -A
git -c user.name=b -c user.email=b@localhost -c commit.gpgsign=false commit -q -m init
printf 'class C1 { int x = 1; String name = "hello"; }\n' > src/pkg1/C1.java
printf 'DEBUG=true\nPORT=8080\n' > app.env
git add -A

# median_ms COMMAND...: runs it $runs times; prints the median wall time and the median CPU time
# (user + sys) in ms. On a busy machine the CPU figure is the steadier of the two.
median_ms() {
  local walls=() cpus=() t0 t1 cpu
  "$@" >/dev/null 2>&1 || true # warm the file cache
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>&1 || true
      cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu")
    else
      "$@" >/dev/null 2>&1 || true
      cpu=0
    fi
    t1=$(date +%s%N)
    walls+=($(( (t1 - t0) / 1000000 )))
    cpus+=("$cpu")
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

"$root/keyhound" version >/dev/null 2>&1 # creates the CDS archive if missing
[ -n "${BEFORE:-}" ] && "$BEFORE" version >/dev/null 2>&1
read -r floor floor_cpu <<<"$(median_ms java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version)"
read -r plain plain_cpu <<<"$(median_ms java -jar "$jar" scan --staged --quiet)"
if [ -n "${BEFORE:-}" ]; then
  read -r before before_cpu <<<"$(median_ms "$BEFORE" scan --staged --quiet)"
fi
read -r launcher launcher_cpu <<<"$(median_ms "$root/keyhound" scan --staged --quiet)"
echo "staged scan, median of $runs runs on $(nproc) cores (load average: $(cut -d' ' -f1 /proc/loadavg)):"
echo "  java -version (JVM floor): ${floor} ms wall, ${floor_cpu} ms cpu"
echo "  java -jar keyhound.jar   : ${plain} ms wall, ${plain_cpu} ms cpu"
[ -n "${BEFORE:-}" ] && echo "  \$BEFORE ($BEFORE): ${before} ms wall, ${before_cpu} ms cpu"
echo "  ./keyhound (CDS + C1)    : ${launcher} ms wall, ${launcher_cpu} ms cpu"
awk -v a="$plain" -v b="$launcher" 'BEGIN {printf "  ratio launcher/plain     : %.2f (wall)\n", b / a}'
