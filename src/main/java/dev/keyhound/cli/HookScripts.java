package dev.keyhound.cli;

/**
 * The shell scripts `keyhound hook install` writes. Each runs a chained pre-existing hook first
 * (kept as NAME.keyhound-chained), honours SKIP=keyhound like the pre-commit framework, and
 * fails closed when keyhound itself cannot be found.
 */
final class HookScripts {
    /** The line that marks a hook as ours, so uninstall never deletes someone else's hook. */
    static final String MARKER = "# keyhound-hook:";
    static final String CHAINED_SUFFIX = ".keyhound-chained";

    private HookScripts() {
    }

    static String script(HookType type, String command) {
        String quoted = "'" + command.replace("'", "'\\''") + "'";
        String head = """
                #!/bin/sh
                %1$s %2$s (installed by `keyhound hook install`; `keyhound hook uninstall` removes it)
                hooks_dir=$(dirname "$0")
                chained="$hooks_dir/%2$s%3$s"
                KEYHOUND=${KEYHOUND:-%4$s}
                if ! command -v "$KEYHOUND" >/dev/null 2>&1; then KEYHOUND=keyhound; fi
                """.formatted(MARKER, type.fileName, CHAINED_SUFFIX, quoted);
        String skip = """
                case ",${SKIP:-}," in
                  *,keyhound,*) echo "keyhound: skipped (SKIP=keyhound)" >&2; exit 0 ;;
                esac
                if ! command -v "$KEYHOUND" >/dev/null 2>&1; then
                  echo "keyhound: not found (set KEYHOUND or put keyhound on PATH); blocked. Bypass once with --no-verify." >&2
                  exit 1
                fi
                """;
        if (type == HookType.PRE_COMMIT) {
            return head + """
                    if [ -x "$chained" ]; then "$chained" "$@" || exit $?; fi
                    """ + skip + """
                    exec "$KEYHOUND" scan --staged
                    """;
        }
        return head + """
                input=$(cat)
                if [ -x "$chained" ]; then printf '%s\\n' "$input" | "$chained" "$@" || exit $?; fi
                """ + skip + """
                status=0
                while read -r local_ref local_sha remote_ref remote_sha; do
                  [ -n "$local_sha" ] || continue
                  case "$local_sha" in *[!0]*) ;; *) continue ;; esac  # a deleted branch adds nothing
                  range=""
                  if expr "$remote_sha" : '.*[^0]' >/dev/null && git cat-file -e "$remote_sha^{commit}" 2>/dev/null; then
                    range="$remote_sha..$local_sha"
                  else
                    # a new branch, or a force-push over commits we do not have: the commits on no remote
                    first=$(git rev-list --reverse "$local_sha" --not --remotes | head -n 1)
                    [ -n "$first" ] || continue
                    if base=$(git rev-parse -q --verify "$first^"); then range="$base..$local_sha"; fi
                  fi
                  if [ -n "$range" ]; then
                    "$KEYHOUND" scan --range "$range" || status=$?
                  else
                    "$KEYHOUND" scan --branch "$local_ref" || status=$?
                  fi
                done <<EOF
                $input
                EOF
                exit $status
                """;
    }
}
