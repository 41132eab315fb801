#!/bin/sh
# Creates the AppCDS archive the launcher uses: runs a staged scan of a throw-away repository (the
# pre-commit path: picocli, JGit, rule loading, the engine) and a history scan of it with
# -XX:DumpLoadedClassList, then dumps a static archive of every class those runs loaded, pre-parsed
# and pre-verified.
# A static archive rather than a dynamic one (-XX:ArchiveClassesAtExit): JDK 17 keeps classes older
# than Java 6 out of dynamic archives, and picocli's classes are Java 5 bytecode, so only a static
# archive holds them (measured: about 50 ms less CPU per run).
# Usage: scripts/make-cds.sh JAR ARCHIVE
set -e
jar=$1
archive=$2
java=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git init -q "$work/repo"
printf 'hello\n' > "$work/repo/README.md"
git -C "$work/repo" add README.md
git -C "$work/repo" -c user.name=k -c user.email=k@localhost -c commit.gpgsign=false commit -q -m init
# A blocked commit is the path that must feel instant, so the training run finds something: a
# token generated here, at random, in a throw-away repository.
token="ghp_$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 36)"
printf 'DEBUG=true\nGITHUB_TOKEN=%s\n' "$token" > "$work/repo/app.env"
git -C "$work/repo" add app.env
cd "$work/repo"
"$java" -XX:DumpLoadedClassList="$work/staged.lst" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -jar "$jar" scan --staged --quiet --no-color >/dev/null 2>&1 || true
[ -s "$work/staged.lst" ]
# A history scan (the default mode) loads more: the pack reader, the Hyperscan and libdeflate
# bindings, the report writers, the context assembler and the parsers of structured files. So the
# history it reads has what a real one has: a pack with deltas (a second version of each file), an
# exchange's key and secret in source code, a YAML and a JSON config. Its values are random, made
# here. Without a compiled-database cache, so that training leaves nothing.
rand() { LC_ALL=C tr -dc "$1" </dev/urandom | head -c "$2"; }
key=$(rand 'A-Za-z0-9' 64)
secret=$(rand 'A-Za-z0-9' 64)
okx_secret=$(rand 'A-F0-9' 32)
uuid() { echo "$(rand 'a-f0-9' 8)-$(rand 'a-f0-9' 4)-4$(rand 'a-f0-9' 3)-a$(rand 'a-f0-9' 3)-$(rand 'a-f0-9' 12)"; }
printf 'import ccxt\n\nBINANCE_API_KEY = "%s"\nBINANCE_API_SECRET = "%s"\n\n\ndef client():\n    return ccxt.okx({\n        "apiKey": "%s",\n        "secret": "%s",\n    })\n' \
  "$key" "$secret" "$(uuid)" "$okx_secret" > bot.py
printf '{\n  "exchange": {\n    "name": "bybit",\n    "key": "%s",\n    "secret": "%s"\n  },\n  "dry_run": true\n}\n' \
  "$(rand 'A-Za-z0-9' 18)" "$(rand 'A-Za-z0-9' 36)" > config.json
printf 'kucoin:\n  api_key: %s\n  api_secret: %s\n  mode: live\n' "$(rand 'a-f0-9' 24)" "$(uuid)" > settings.yml
git add bot.py config.json settings.yml
git -c user.name=k -c user.email=k@localhost -c commit.gpgsign=false commit -q -m config
printf '\n\ndef ticker(symbol):\n    return client().fetch_ticker(symbol)\n' >> bot.py
printf 'paper: false\n' >> settings.yml
sed 's/"dry_run": true/"dry_run": false/' config.json > config.json.new && mv config.json.new config.json
git add bot.py config.json settings.yml
git -c user.name=k -c user.email=k@localhost -c commit.gpgsign=false commit -q -m update
git repack -adq
KEYHOUND_CACHE_DIR=off "$java" -XX:DumpLoadedClassList="$work/history.lst" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -jar "$jar" scan --quiet --no-color --format json -o /dev/null . >/dev/null 2>&1 || true
cat "$work/staged.lst" "$work/history.lst" 2>/dev/null | awk '!seen[$0]++' > "$work/classes.lst"
# the class path must be the jar alone, as `java -jar` has it at run time
"$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$archive.$$.tmp" \
  -cp "$jar" >/dev/null 2>&1
# a private temp name, then an atomic rename: two first runs at once never share a half-written file
[ -s "$archive.$$.tmp" ] && mv -f "$archive.$$.tmp" "$archive"
