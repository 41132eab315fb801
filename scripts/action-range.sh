#!/usr/bin/env bash
# Decides what the keyhound GitHub Action scans, from the event that triggered the workflow, and
# makes sure every commit of that range is in the checkout (deepening a shallow clone as far as
# needed). It never lets a scan report "clean" on history it could not see: when the commits cannot
# be fetched it fails and says to set `fetch-depth: 0`.
#
# Reads:  KEYHOUND_MODE (auto|full|range|staged, default auto), KEYHOUND_RANGE (for mode=range),
#         GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_OUTPUT, KEYHOUND_REMOTE (default origin).
# Writes: to $GITHUB_OUTPUT, `args=` (the keyhound scan arguments) and `description=`.
# Exit:   0 decided; 2 the range cannot be scanned (message on stderr as a GitHub ::error::).
set -euo pipefail

mode=${KEYHOUND_MODE:-auto}
remote=${KEYHOUND_REMOTE:-origin}
event=${GITHUB_EVENT_NAME:-}
event_file=${GITHUB_EVENT_PATH:-}
out=${GITHUB_OUTPUT:-/dev/stdout}
zero=0000000000000000000000000000000000000000

fail() {
  echo "::error title=keyhound::$*" >&2
  exit 2
}

note() {
  echo "::notice title=keyhound::$*"
}

emit() { # emit ARGS DESCRIPTION
  printf 'args=%s\n' "$1" >>"$out"
  printf 'description=%s\n' "$2" >>"$out"
  note "scanning $2"
}

field() { # field JQ_PATH: a string from the event payload, empty when absent
  [ -n "$event_file" ] && [ -f "$event_file" ] || return 0
  jq -r "$1 // empty" "$event_file"
}

has_commit() {
  [ -n "$1" ] && git cat-file -e "$1^{commit}" 2>/dev/null
}

is_shallow() {
  [ "$(git rev-parse --is-shallow-repository)" = "true" ]
}

# True when every commit of A..B is present with its parents: A and B exist and no commit of the
# range sits on the shallow boundary (a boundary commit's parents were never fetched).
range_complete() { # range_complete A B
  has_commit "$1" && has_commit "$2" || return 1
  is_shallow || return 0
  local shallow_file
  shallow_file=$(git rev-parse --git-path shallow)
  [ -s "$shallow_file" ] || return 0
  # no `grep -q`: with pipefail, rev-list killed by SIGPIPE after an early match would read as "none"
  local cut
  cut=$(git rev-list "$1..$2" | grep -xF -f "$shallow_file" || true)
  [ -z "$cut" ]
}

fetch_commit() { # fetch a commit by id when it is missing (GitHub serves reachable ids)
  has_commit "$1" || git fetch -q --no-tags "$remote" "$1" 2>/dev/null || true
}

# Deepen a shallow checkout step by step until PREDICATE holds, then as a last resort unshallow.
deepen_until() { # deepen_until PREDICATE ARGS...
  "$@" && return 0
  is_shallow || return 1
  local depth
  for depth in 50 500 5000; do
    git fetch -q --no-tags --deepen="$depth" "$remote" 2>/dev/null || true
    "$@" && return 0
    is_shallow || return 1
  done
  git fetch -q --no-tags --unshallow "$remote" 2>/dev/null || true
  "$@"
}

need_full_history() {
  if is_shallow; then
    git fetch -q --no-tags --unshallow "$remote" 2>/dev/null || true
    is_shallow && fail "the checkout is shallow and its history could not be fetched; set 'fetch-depth: 0' on actions/checkout"
  fi
  return 0
}

scan_range() { # scan_range BASE HEAD WHY
  fetch_commit "$1"
  fetch_commit "$2"
  has_commit "$2" || fail "commit $2 is not in the checkout and could not be fetched; set 'fetch-depth: 0' on actions/checkout"
  has_commit "$1" || fail "commit $1 is not in the checkout and could not be fetched; set 'fetch-depth: 0' on actions/checkout"
  deepen_until range_complete "$1" "$2" \
    || fail "the history between $1 and $2 could not be fetched (shallow checkout); set 'fetch-depth: 0' on actions/checkout"
  emit "--range $1..$2" "$3 ($1..$2)"
}

merge_base_known() { # merge_base_known A B
  git merge-base "$1" "$2" >/dev/null 2>&1
}

# The commits of HEAD that are not on the default branch: a new branch, or a force-push whose
# previous tip is gone. Falls back to the full history when there is no default branch to compare.
scan_branch_only() { # scan_branch_only HEAD WHY
  local head=$1 why=$2 default branch base
  default=$(field '.repository.default_branch')
  branch=$(field '.ref')
  branch=${branch#refs/heads/}
  fetch_commit "$head"
  if [ -z "$default" ] || [ "$branch" = "$default" ]; then
    need_full_history
    emit "" "the full history ($why, nothing to compare with)"
    return
  fi
  git fetch -q --no-tags "$remote" "+refs/heads/$default:refs/remotes/$remote/$default" 2>/dev/null || true
  has_commit "$remote/$default" || fail "cannot fetch the default branch '$default' to find the new commits; set 'fetch-depth: 0' on actions/checkout"
  deepen_until merge_base_known "$head" "$remote/$default" \
    || fail "no common history with '$default' in the checkout; set 'fetch-depth: 0' on actions/checkout"
  base=$(git merge-base "$head" "$remote/$default")
  scan_range "$base" "$head" "$why: the commits not on $default"
}

case "$mode" in
  full)
    need_full_history
    emit "" "the full history"
    exit 0 ;;
  staged)
    emit "--staged" "the staged changes"
    exit 0 ;;
  range)
    r=${KEYHOUND_RANGE:-}
    [[ "$r" == ?*..?* ]] || fail "mode 'range' needs the 'range' input as A..B, not '$r'"
    scan_range "${r%%..*}" "${r##*..}" "the given range"
    exit 0 ;;
  auto) ;;
  *) fail "unknown mode '$mode' (expected auto, full, range or staged)" ;;
esac

case "$event" in
  push)
    before=$(field '.before')
    after=$(field '.after')
    [ -n "$after" ] && [ "$after" != "$zero" ] || { emit "" "nothing (the branch was deleted)"; exit 0; }
    if [ -z "$before" ] || [ "$before" = "$zero" ]; then
      scan_branch_only "$after" "new branch"
    else
      fetch_commit "$before"
      if has_commit "$before"; then
        scan_range "$before" "$after" "the pushed commits"
      else
        scan_branch_only "$after" "force-push: the previous tip $before is gone"
      fi
    fi ;;
  pull_request | pull_request_target)
    base=$(field '.pull_request.base.sha')
    head=$(field '.pull_request.head.sha')
    [ -n "$base" ] && [ -n "$head" ] || fail "the $event event has no pull_request base and head"
    fetch_commit "$head"
    fetch_commit "$base"
    # The PR's commits are those of head that are not on base; base may have moved on since.
    deepen_until merge_base_known "$base" "$head" \
      || fail "no common history between the pull request and its base; set 'fetch-depth: 0' on actions/checkout"
    scan_range "$(git merge-base "$base" "$head")" "$head" "the pull request's commits" ;;
  *)
    # schedule, workflow_dispatch and anything else: the whole history
    need_full_history
    emit "" "the full history (${event:-no event})" ;;
esac
