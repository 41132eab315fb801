#!/usr/bin/env bash
# Full-history benchmark: keyhound against git's own plumbing, same machine, same run.
#   bench/history.sh REPO [threads]
# (a) keyhound scanning every reachable blob of REPO's history (-Xmx1g)
# (b) git cat-file --batch-all-objects --batch --unordered > /dev/null   (the baseline)
# (c) git log -p --all > /dev/null                                       (what diff-based scanners pay)
# Prints wall and CPU (user+sys) times, their ratios to (b), and keyhound's peak RSS. On a shared
# machine the CPU ratio is the steadier figure; the wall ratio is the target.
# By default (a) is the real CLI: ./keyhound scan REPO --format json -o /dev/null, with -Xmx1g added
# through KEYHOUND_JAVA_OPTS (JAVA_OPTS overrides it). BENCH_MAIN=1 times the HistoryBench main
# instead (no-op sink, or the Engine with ENGINE=1); KEYHOUND_CMD="..." times any other command.
# BEFORE=/path/to/other/keyhound adds a row for another build's launcher, run interleaved with the
# others (a before/after pair measured in the same run).
set -euo pipefail
repo=${1:?usage: bench/history.sh REPO [threads]}
threads=${2:-$(nproc)}
here=$(cd "$(dirname "$0")/.." && pwd)
java_opts=${JAVA_OPTS:--Xmx1g}
# The scan a launcher is timed on; its CDS archive is made first, outside the timed runs.
scan_cmd() { # LAUNCHER
  "$1" version >/dev/null 2>&1
  echo "KEYHOUND_JAVA_OPTS='$java_opts' '$1' scan '$repo' --threads $threads --format json -o /dev/null -q"
}

if [[ -z "${KEYHOUND_CMD:-}" ]]; then
  (cd "$here" && mvn -q -o package -DskipTests >/dev/null)
  if [[ -n "${BENCH_MAIN:-}" ]]; then
    (cd "$here" && mvn -q -o test-compile >/dev/null)
    KEYHOUND_CMD="java $java_opts -cp $here/target/keyhound.jar:$here/target/test-classes dev.keyhound.source.git.HistoryBench $repo $threads ${ENGINE:+--engine}"
  else
    # The launcher adds its own flags (AppCDS, the collector, JIT).
    KEYHOUND_CMD=$(scan_cmd "$here/keyhound")
  fi
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# keyhound keeps its compiled Hyperscan databases between runs: a cache of this benchmark's own,
# filled by the first round (KEYHOUND_CACHE_DIR=off times every run with compiling).
export KEYHOUND_CACHE_DIR=${KEYHOUND_CACHE_DIR:-$out/cache}

# The machine's cores are shared, so wall times are noisy: the three commands run interleaved,
# REPS times each (default 3), and the fastest run of each counts. Timing goes to $out/NAME.N.
# WARMUP=0 skips the uncounted first round (when the page cache is already warm: a long repository).
reps=${REPS:-3}
first=$(( ${WARMUP:-1} ? 0 : 1 ))
run() { # NAME N CMD
  local name=$1 n=$2; shift 2
  # keyhound exits 1 when it finds leaks: only 2 and above is a failure
  local rc=0
  /usr/bin/time -f "%e %M %U %S" -o "$out/$name.$n" bash -c "$*" >/dev/null 2>"$out/$name.err" || rc=$?
  [[ $rc -eq 0 || $name == log || ( ( $name == keyhound || $name == before ) && $rc -eq 1 ) ]] || {
    echo "$name failed:"; tail -5 "$out/$name.err"; exit 1; }
}
[[ -z "${BEFORE:-}" ]] || BEFORE_CMD=$(scan_cmd "$BEFORE")
for n in $(seq "$first" "$reps"); do   # run 0 warms the page cache and is not counted
  run keyhound "$n" "$KEYHOUND_CMD"
  [[ -z "${BEFORE:-}" ]] || run before "$n" "$BEFORE_CMD"
  run catfile "$n" "git -C '$repo' cat-file --batch-all-objects --batch --unordered > /dev/null"
  # git log -p stops at a partial clone's first missing blob; the time up to there is shown.
  run log "$n" "git -C '$repo' log -p --all > /dev/null"
done
best() { # NAME -> "wall rss" of the fastest counted run
  for n in $(seq 1 "$reps"); do tail -1 "$out/$1.$n"; done | sort -n | head -1
}

read -r kh_wall kh_rss kh_user kh_sys < <(best keyhound)
read -r cf_wall _ cf_user cf_sys < <(best catfile)
read -r log_wall _ log_user log_sys < <(best log)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "repo: $repo ($(nproc) cores, keyhound threads=$threads, $java_opts, best of $reps)"
grep -h "keyhound-history" "$out/keyhound.err" || true
cpu() { awk -v u="$1" -v s="$2" 'BEGIN { printf "%.2f", u + s }'; }
kh_cpu=$(cpu "$kh_user" "$kh_sys"); cf_cpu=$(cpu "$cf_user" "$cf_sys"); log_cpu=$(cpu "$log_user" "$log_sys")
printf '%-44s %8s %8s %8s %8s\n' "" "wall s" "ratio" "cpu s" "ratio"
printf '%-44s %8s %7sx %8s %7sx\n' "keyhound history scan" "$kh_wall" "$(ratio "$kh_wall" "$cf_wall")" \
  "$kh_cpu" "$(ratio "$kh_cpu" "$cf_cpu")"
if [[ -n "${BEFORE:-}" ]]; then
  read -r b_wall b_rss b_user b_sys < <(best before)
  b_cpu=$(cpu "$b_user" "$b_sys")
  printf '%-44s %8s %7sx %8s %7sx  (peak RSS %d MiB)\n' "\$BEFORE history scan" "$b_wall" "$(ratio "$b_wall" "$cf_wall")" \
    "$b_cpu" "$(ratio "$b_cpu" "$cf_cpu")" $((b_rss / 1024))
fi
printf '%-44s %8s %7sx %8s %7sx\n' "git cat-file --batch-all-objects --batch" "$cf_wall" "1.00" "$cf_cpu" "1.00"
printf '%-44s %8s %7sx %8s %7sx%s\n' "git log -p --all" "$log_wall" "$(ratio "$log_wall" "$cf_wall")" \
  "$log_cpu" "$(ratio "$log_cpu" "$cf_cpu")" \
  "$(grep -q . "$out/log.err" && echo "  (git: $(head -1 "$out/log.err"))" || true)"
printf 'keyhound peak RSS: %d MiB\n' $((kh_rss / 1024))
