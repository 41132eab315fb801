package dev.keyhound.detect;

import com.google.re2j.Matcher;
import dev.keyhound.detect.context.ContextAssembler;
import dev.keyhound.detect.context.CredentialAssembler;
import dev.keyhound.detect.context.KnownExamples;
import dev.keyhound.detect.validate.Validators;
import dev.keyhound.rules.Allowlist;
import dev.keyhound.rules.CompositeRequirement;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Content;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The matching engine: keyword prefilter over the bytes, RE2/J around the hits, entropy,
 * placeholder and allowlist filters, inline allow, then the {@link CredentialAssembler}
 * (attribution and pairing). Built once per rule set; immutable and thread-safe.
 *
 * <p>How a blob is read: a UTF-16 byte-order mark means UTF-16 (LE or BE); anything else is
 * UTF-8 (a UTF-8 BOM is skipped; malformed bytes become U+FFFD). The prefilter runs on the raw
 * bytes; only a blob with a keyword hit (or an active rule without keywords) is decoded at all,
 * and an all-ASCII blob is decoded as Latin-1, a plain copy, so byte and char offsets agree.
 *
 * <p>Where regexes run: a rule with keywords runs only in windows around its keywords' hits:
 * the hit's line, plus {@value #CONTEXT_LINES} line either side when the regex can match a line
 * break at all ({@code \s}, {@code [^...]}, ...), cut at {@value #BEFORE_CAP} chars before and
 * {@value #AFTER_CAP} after the hit on very long lines (a match reaching such a cut is matched again
 * with the rest of the line in view), merged where they overlap. A rule whose regex can span many
 * lines ({@code (?s)}, {@code [\s\S]}, {@code \n}) or starts with a case-sensitive literal runs
 * over the whole text once one of its keywords hits; a rule without keywords always runs over the
 * whole text. A rule whose regex spells none of its keywords runs {@value #NEARBY_LINES} lines
 * either side of a hit (the keyword marks a neighbourhood, like a comment above a seed phrase). Measured: RE2/J on {@code byte[]} input is no faster than on a Latin-1 String (and
 * slower for literal-prefix regexes), so the engine matches Strings.
 */
public final class Engine implements Detector {
    static final int CONTEXT_LINES = 1;
    /**
     * Lines either side of a keyword hit searched by a rule whose regex spells none of its keywords
     * (a seed phrase under a "wallet" comment, a WIF key assigned to a "priv" name). Not the whole
     * text: such keywords ("priv", "secret", "wallet") hit most files of a code base, and a regex
     * with no literal to anchor on costs RE2/J an NFA step per char (measured: three such rules
     * took a directory scan of rails from 314 to 7 MB/s when they ran over whole files).
     */
    static final int NEARBY_LINES = 5;
    /**
     * Lines either side of a part that must be copied unchanged for a delta-rebuilt blob to
     * inherit it: more than any window reaches from its keyword hit ({@value #NEARBY_LINES}).
     */
    static final int DELTA_CONTEXT_LINES = NEARBY_LINES + 1;
    static final int BEFORE_CAP = 512;
    static final int AFTER_CAP = 1024;
    static final int LINE_TEXT_CAP = 400;
    /** How far past a window cut inside a line a match may be extended. */
    static final int MAX_REMATCH = 64 * 1024;
    private static final KnownExamples KNOWN = KnownExamples.builtIn();
    private static final String[] ALLOW_SIGNATURES = {"keyhound:allow", "gitleaks:allow"};
    /** Lines up to this long are searched for an allow signature directly. */
    static final int SIGNATURE_SEARCHED_IN_LINES = 4096;

    private final RuleSet ruleSet;
    private final EngineOptions options;
    private final CredentialAssembler assembler;
    private final Rule[] rules;
    private final KeywordPrefilter prefilter;
    /** Asked before RE2/J reads a window of byte-view text; null when off or unavailable. */
    private final HyperscanGate gate;
    private final int[] keywordLength;
    /** Keyword indexes per rule; null when the rule always runs. */
    private final int[][] keywordsOfRule;
    private final boolean[] wholeText;
    /**
     * Per rule and keyword (parallel to keywordsOfRule): the exact-case text a hit of that keyword
     * must show for the rule to match at all, or null. Set when the regex starts with a required
     * case-sensitive literal that the keyword is a prefix of ({@code \b(ghp_...)} and "ghp_"): a
     * case-insensitive hit in other case ("GHP_", "Sk") cannot start a match, so it does not count.
     */
    private final String[][] exactKeyword;
    /** exactKeyword's forms as bytes (they are ASCII), for hits read from bytes. */
    private final byte[][][] exactKeywordBytes;
    /** Lines of context either side of a hit: 0 for a regex that cannot match a line break. */
    private final int[] contextLines;
    /** Rules whose only way to match a line break is a final terminator: windows hold the hit's line and its '\n'. */
    private final boolean[] lineBreakEndsOnly;
    /** Rules whose regex can match a line break other than in a final terminator. */
    private final boolean[] lineBreakInside;
    private final boolean[] generic;
    /**
     * Per rule: the characters of the run a match starts at, when the regex says so by its shape
     * ({@link #runStart}), else null. Such a rule is matched anchored, once per run that holds a
     * keyword hit, instead of scanning its whole window: RE2/J then follows one start, not one per
     * char (measured: the generic rule 3x faster on hummingbot's Python lines, same matches).
     */
    private final boolean[][] runChars;
    /** Per rule with runChars: the match starts one char before its run ((?:^|[^C])([C]*?...). */
    private final boolean[] runAfterSeparator;
    /** Per lazy-run rule: the chars that may follow its name run ({@link RunFollow}), or null when not known. */
    private final boolean[][] runFollow;
    private final boolean[] multiline;
    /** Per rule: whether an allowlist that applies to it tests regexes against the match's lines. */
    private final boolean[] allowlistReadsLines;
    private final List<Predicate<String>> validators;
    private final Map<String, Integer> indexById = new HashMap<>();
    /** The global allowlists that apply to every rule name no commits, so a path alone decides them. */
    private final boolean allowedPathsOnly;
    private final Map<String, Boolean> allowedPaths = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per directory (with its '/'): whether everything below it is allowed, whatever its name. */
    private final Map<String, Boolean> allowedDirectories = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PATHS_CACHED = 100_000;
    /** No allowlist a rule meets names commits, so which rules run depends on the path alone. */
    private final boolean rulesOnPathCached;
    private final Map<String, PathRules> rulesOnPath = new java.util.concurrent.ConcurrentHashMap<>();
    /** The keyword searches for the keywords of the rules that run on some paths, by those keywords. */
    private final Map<java.util.BitSet, KeywordPrefilter> prefilters = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Which rules run on a path, and the keyword search for their keywords alone: a keyword of
     * only path-bound rules ("[" of the Solana keypair file, for .json files) is not searched for
     * in every other file, where its hits would only be carried along.
     */
    private record PathRules(boolean[] runs, KeywordPrefilter prefilter) {
    }
    /** Some rule runs without a keyword hit: it has no (ASCII) keywords, or it matches paths only. */
    private final boolean anyUngated;

    /** The engine as keyhound runs it: context attribution and pairing by {@link ContextAssembler}. */
    public Engine(RuleSet rules, EngineOptions options) {
        this(rules, options, new ContextAssembler(rules));
    }

    public Engine(RuleSet ruleSet, EngineOptions options, CredentialAssembler assembler) {
        this.ruleSet = ruleSet;
        this.options = options == null ? EngineOptions.DEFAULT : options;
        this.assembler = assembler == null ? CredentialAssembler.SINGLE : assembler;
        this.rules = ruleSet.rules().toArray(new Rule[0]);
        int n = rules.length;
        Map<String, Integer> keywordIndex = new LinkedHashMap<>();
        keywordsOfRule = new int[n][];
        wholeText = new boolean[n];
        contextLines = new int[n];
        lineBreakEndsOnly = new boolean[n];
        lineBreakInside = new boolean[n];
        exactKeyword = new String[n][];
        exactKeywordBytes = new byte[n][][];
        generic = new boolean[n];
        runChars = new boolean[n][];
        runAfterSeparator = new boolean[n];
        runFollow = new boolean[n][];
        multiline = new boolean[n];
        validators = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rule r = rules[i];
            indexById.put(r.id(), i);
            List<String> kws = r.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList();
            boolean ascii = kws.stream().allMatch(k -> k.chars().allMatch(c -> c < 128));
            if (!kws.isEmpty() && ascii) {
                int[] ids = new int[kws.size()];
                for (int j = 0; j < ids.length; j++) {
                    ids[j] = keywordIndex.computeIfAbsent(kws.get(j), k -> keywordIndex.size());
                }
                keywordsOfRule[i] = ids;
                String literal = r.regex() == null ? null : requiredLiteral(r.regex().pattern());
                if (literal != null) {
                    String[] exact = new String[kws.size()];
                    for (int j = 0; j < exact.length; j++) {
                        String k = kws.get(j);
                        exact[j] = literal.toLowerCase(Locale.ROOT).startsWith(k) ? literal.substring(0, k.length()) : null;
                    }
                    exactKeyword[i] = exact;
                    exactKeywordBytes[i] = java.util.Arrays.stream(exact)
                            .map(e -> e == null ? null : e.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
                }
            }
            wholeText[i] = r.regex() != null && (spansLines(r.regex().pattern()) || hasLiteralPrefix(r.regex().pattern()));
            lineBreakEndsOnly[i] = r.regex() != null && lineBreakOnlyEnds(r.regex().pattern());
            lineBreakInside[i] = r.regex() != null && mayMatchLineBreak(r.regex().pattern()) && !lineBreakEndsOnly[i];
            boolean keywordGatesNearby = r.regex() != null && keywordsOfRule[i] != null
                    && !regexSpellsAKeyword(r.regex().pattern(), kws);
            contextLines[i] = keywordGatesNearby ? NEARBY_LINES : lineBreakInside[i] ? CONTEXT_LINES : 0;
            generic[i] = "generic".equals(r.provider()) || r.id().toLowerCase(Locale.ROOT).contains("generic");
            java.util.regex.Matcher run = r.regex() == null || keywordsOfRule[i] == null ? null : RUN_START.matcher(r.regex().pattern());
            if (run != null && run.find() && (run.group(2) == null || run.group(2).equals(run.group(3)))) {
                runChars[i] = charClass(run.group(3));
                runFollow[i] = RunFollow.of(r.regex().pattern(), run.end(), runChars[i]);
                runAfterSeparator[i] = run.group(2) != null;
                multiline[i] = run.group(1) != null && run.group(1).contains("m");
            }
            validators.add(r.validate() == null ? null : Validators.byName(r.validate())
                    .orElseThrow(() -> new IllegalArgumentException("unknown validator '" + r.validate() + "'")));
        }
        allowlistReadsLines = new boolean[n];
        for (int i = 0; i < n; i++) {
            String id = rules[i].id();
            allowlistReadsLines[i] = java.util.stream.Stream.concat(
                            ruleSet.globalAllowlists().stream().filter(a -> AllowlistCheck.appliesTo(a, id)),
                            rules[i].allowlists().stream())
                    .anyMatch(AllowlistCheck::readsLine);
        }
        boolean ungated = false;
        for (int i = 0; i < n; i++) {
            ungated |= keywordsOfRule[i] == null || rules[i].regex() == null;
        }
        anyUngated = ungated;
        allowedPathsOnly = ruleSet.globalAllowlists().stream()
                .allMatch(a -> !a.targetRules().isEmpty() || a.commits().isEmpty());
        rulesOnPathCached = ruleSet.globalAllowlists().stream().allMatch(a -> a.commits().isEmpty())
                && ruleSet.rules().stream().allMatch(r -> r.allowlists().stream().allMatch(a -> a.commits().isEmpty()));
        List<String> keywords = List.copyOf(keywordIndex.keySet());
        prefilter = new KeywordPrefilter(keywords);
        java.util.BitSet everyKeyword = new java.util.BitSet(keywords.size());
        everyKeyword.set(0, keywords.size());
        prefilters.put(everyKeyword, prefilter);
        keywordLength = keywords.stream().mapToInt(String::length).toArray();
        gate = this.options.regexGate() ? HyperscanGate.forRules(rules) : null;
    }

    /**
     * True when one of the keywords is written out in the regex, so a match can hold the keyword
     * hit and a window around the hit finds it. Otherwise the keywords only say the file is worth
     * matching (gitleaks' meaning: a keyword anywhere in the fragment), e.g. a seed-phrase rule
     * gated on "wallet" in a comment lines above, and the rule runs over the whole text.
     */
    static boolean regexSpellsAKeyword(String regex, List<String> lowerKeywords) {
        String literal = regex.replaceAll("\\\\(?=[^A-Za-z0-9])", "").toLowerCase(Locale.ROOT);
        for (String k : lowerKeywords) {
            if (literal.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean spansLines(String regex) {
        return regex.contains("(?s") || regex.contains("[\\s\\S") || regex.contains("[\\S\\s")
                || regex.contains("\\n") || regex.contains("\\r");
    }

    /**
     * False only when no part of the regex can match '\n': then a window of the hit's own line
     * loses nothing. Conservative: any whitespace class, negated class or class escape that
     * includes line breaks counts.
     */
    static boolean mayMatchLineBreak(String regex) {
        for (String token : LINE_BREAK_TOKENS) {
            if (regex.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the regex can match a line break only in a final terminator group
     * {@code (?:[^...]|$)} (as in {@code ...(secret)(?:[^A-Za-z0-9]|$)}): a match then lies on one
     * line, plus that line's break, so the window needs no neighbouring lines.
     */
    static boolean lineBreakOnlyEnds(String regex) {
        java.util.regex.Matcher end = FINAL_TERMINATOR.matcher(regex);
        return end.find() && mayMatchLineBreak(regex) && !mayMatchLineBreak(regex.substring(0, end.start()));
    }

    /**
     * A regex whose matches start where a run of one character class starts: {@code [C]*?...}, or
     * after a separator {@code (?:^|[^C])([C]*?...} (the generic rule, the exchange rules). The
     * lazy run can take in every run character before a keyword, so the leftmost match starts at
     * the run's start. Groups: flags, the separator's class, the run's class.
     */
    static final java.util.regex.Pattern RUN_START = java.util.regex.Pattern.compile(
            "^(?:\\(\\?([a-z]+)\\))?(?:\\(\\?:\\^\\|\\[\\^([^\\]\\[]+)\\]\\)\\()?\\[([^\\]\\[]+)\\]\\*\\?");

    /** Which ASCII chars the class body matches (RE2 classes such as \w are ASCII only). */
    static boolean[] charClass(String body) {
        com.google.re2j.Pattern p = com.google.re2j.Pattern.compile("[" + body + "]");
        boolean[] in = new boolean[128];
        for (char c = 0; c < 128; c++) {
            in[c] = p.matches(String.valueOf(c));
        }
        return in;
    }

    private static final java.util.regex.Pattern FINAL_TERMINATOR =
            java.util.regex.Pattern.compile("\\(\\?:\\[\\^(?:\\\\.|[^\\]\\\\\\[])*\\]\\|\\$\\)$");

    private static final List<String> LINE_BREAK_TOKENS = List.of(
            "\\s", "\\n", "\\r", "\\v", "\\f", "[^", "\\W", "\\D", "\\x", "\\p", "\\P", "\\0",
            "\\C", "(?s", ":space:", ":cntrl:", ":^", "\n");

    /**
     * True when the regex must start with a case-sensitive literal of 2+ chars (e.g. {@code (SK[0-9a-f]{32})}):
     * RE2/J then jumps between occurrences with indexOf, so one pass over the whole text is cheaper
     * than many windows around a common keyword.
     */
    static boolean hasLiteralPrefix(String regex) {
        return !regex.startsWith("\\b") && requiredLiteral(regex) != null;
    }

    /**
     * The case-sensitive literal (2+ chars) every match starts with, after an optional leading
     * {@code \b} and opening groups; null when there is none or the regex has an alternation.
     */
    static String requiredLiteral(String regex) {
        if (regex.indexOf('|') >= 0) {
            return null;
        }
        int i = regex.startsWith("\\b") ? 2 : 0;
        while (i < regex.length() && regex.charAt(i) == '(') {
            if (regex.startsWith("(?:", i)) {
                i += 3;
            } else if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                return null;
            } else {
                i++;
            }
        }
        int n = 0;
        while (i + n < regex.length()) {
            char c = regex.charAt(i + n);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-') || c > 127) {
                break;
            }
            n++;
        }
        // A literal followed by a quantifier is not required in full.
        if (i + n < regex.length() && "*?{+".indexOf(regex.charAt(i + n)) >= 0) {
            n--;
        }
        return n >= 2 ? regex.substring(i, i + n) : null;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /**
     * Starts compiling the regex gate's databases on a spare core (see
     * {@link HyperscanGate#compileAhead}); the returned action stops it. A no-op without the gate.
     */
    public Runnable compileAhead() {
        if (gate == null) {
            return () -> { };
        }
        boolean[] anchored = new boolean[rules.length];
        for (int i = 0; i < rules.length; i++) {
            anchored[i] = runChars[i] != null;
        }
        return gate.compileAhead(anchored);
    }

    @Override
    public List<Credential> detect(Blob blob) {
        return detection(blob).credentials();
    }

    /** What {@link #detection} decides first for a blob of no commit: whether its path is allowed. */
    @Override
    public boolean readsPath(String path) {
        return !blobAllowed(path, null);
    }

    /**
     * Detection of a blob that a git delta rebuilt from one already detected ({@link Blob#delta()}),
     * reading only what the delta changed: a rule's window runs only where it holds changed bytes. When nothing the assembler could report matches there, and every part
     * of the base's credentials sits in lines copied unchanged, the result is the base's at the new
     * places. Otherwise (or for UTF-16 text, a path that rules treat otherwise) this returns null,
     * and the blob must be read whole with {@link #detection(Blob)}.
     *
     * <p>A structured file (JSON, YAML, INI, .env) with credentials is read whole: its sections and
     * objects pair and name values across any distance. What this cannot see: in source code, a
     * credential whose attribution depends on a line further than that from itself (a provider
     * name many lines up, a constructor elsewhere in the file), when only that line changed, keeps
     * the attribution it had in the base.
     */
    public Detection fromBase(Blob blob, Detection base) {
        byte[] b = blob.bytes();
        String path = blob.origin().path();
        if (blob.delta() == null || base == null || base.spans() == null || anyUngated || blob.reportLines() != null
                || !samePathEffects(base, path, blob.origin().commitId()) || utf16(b) != null
                || blobAllowed(path, blob.origin().commitId())
                || !base.credentials().isEmpty() && assembler.readsWholeFile(path)) {
            return null;
        }
        DeltaScan delta = new DeltaScan(b, blob.delta().copies());
        Detection inherited = delta.inherit(base);
        if (inherited == null) {
            return null;
        }
        int[] changes = delta.changes();
        // Hits from the whole blob: a rule that reads the whole text (a PEM block of any length)
        // can be made to match by a change far from its keyword. Each rule then reads only what
        // holds changed bytes.
        Hits hits = new Hits(keywordLength.length);
        KeywordPrefilter search = prefilterFor(path, blob.origin().commitId());
        if (base.hits() != null) {
            base.hits().inChild(b, blob.delta().copies(), search, hits);
        } else {
            search.scan(b, 0, b.length, hits);
        }
        if (hits.total > 0 && matchesIn(blob, hits, changes)) {
            return null;
        }
        return new Detection(inherited.path(), inherited.credentials(), inherited.spans(), KeywordHits.of(hits));
    }

    /**
     * Whether the base's result holds for a blob at this path as far as paths go: the same path,
     * or (a delta across a rename or between sibling files) a base with nothing found, and a path
     * that every rule's path filter and allowlist treats as the base's.
     */
    private boolean samePathEffects(Detection base, String path, String commit) {
        if (java.util.Objects.equals(base.path(), path)) {
            return true;
        }
        if (!base.credentials().isEmpty() || base.path() == null || path == null) {
            return false;
        }
        return Arrays.equals(rulesOn(path, commit), rulesOn(base.path(), commit));
    }

    /**
     * Whether a rule, run around the given hits only, matches anything the changes can have made
     * (see {@link Scan#touched}) that the assembler may report.
     */
    private boolean matchesIn(Blob blob, Hits hits, int[] changes) {
        byte[] b = blob.bytes();
        String path = blob.origin().path();
        String commit = blob.origin().commitId();
        boolean[] hit = ruleHits(hits, b, null);
        boolean[] runs = rulesOn(path, commit);
        boolean[] active = new boolean[rules.length];
        boolean any = false;
        for (int i = 0; i < rules.length; i++) {
            active[i] = hit[i] && rules[i].regex() != null && runs[i];
            any |= active[i];
        }
        if (!any) {
            return false;
        }
        Scan scan = new Scan(blob, new String(b, StandardCharsets.ISO_8859_1), true, path, commit, runs, active, hits, hit, 0);
        scan.touched = changes;
        scan.match(List.of());
        return scan.foundNew();
    }

    private boolean blobAllowed(String path, String commit) {
        if (!allowedPathsOnly || path == null) {
            return blobAllowedUncached(path, commit);
        }
        // A history holds each path in many versions, and the allowlists' path regexes would
        // otherwise run on every one.
        return perPath(allowedPaths, path, p -> blobAllowedUncached(p, commit));
    }

    /** Whether a global allowlist for every rule allows every blob below the directory (see {@link AllowlistCheck#allowsBelow}). */
    private boolean allowsBelow(String directory) {
        for (Allowlist a : ruleSet.globalAllowlists()) {
            if (a.targetRules().isEmpty() && AllowlistCheck.allowsBelow(a, directory)) {
                return true;
            }
        }
        return false;
    }

    /** What the cache holds for the path, computed on first sight (the cache is emptied when full). */
    private static <V> V perPath(Map<String, V> cache, String path, java.util.function.Function<String, V> compute) {
        V known = cache.get(path);
        if (known == null) {
            if (cache.size() >= PATHS_CACHED) {
                cache.clear();
            }
            known = compute.apply(path);
            cache.put(path, known);
        }
        return known;
    }

    private boolean blobAllowedUncached(String path, String commit) {
        int slash = path == null ? -1 : path.lastIndexOf('/');
        if (slash > 0 && perPath(allowedDirectories, path.substring(0, slash + 1), this::allowsBelow)) {
            return true;
        }
        for (Allowlist a : ruleSet.globalAllowlists()) {
            if (a.targetRules().isEmpty() && AllowlistCheck.blobAllowed(a, path, commit)) {
                return true;
            }
        }
        return false;
    }

    private static int bomLength(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /**
     * What {@link #detect} finds, with each part's place ({@link Detection#spans()}), so a blob
     * rebuilt from this one by a delta can inherit it.
     */
    public Detection detection(Blob blob) {
        String path = blob.origin().path();
        String commit = blob.origin().commitId();
        // Before the keyword search: a history holds vendored trees (node_modules, lock files)
        // in thousands of versions, and a delta child at an allowed path is allowed too.
        if (blobAllowed(path, commit)) {
            return Detection.none(path, null);
        }
        byte[] b = blob.bytes();
        int len = b.length;
        Hits hits = new Hits(keywordLength.length);
        KeywordPrefilter search = prefilterFor(path, commit);
        String text = null;
        int shift = 0;
        Charset utf16 = utf16(b);
        if (utf16 != null) {
            text = new String(b, 2, len - 2, utf16);
            search.scan(text, hits);
        } else {
            shift = bomLength(b);
            search.scan(b, shift, len, hits);
        }
        KeywordHits byteHits = utf16 != null ? null : KeywordHits.of(hits);
        // Most blobs end here: no keyword of any rule, and every rule has keywords.
        if (hits.total == 0 && !anyUngated) {
            return Detection.none(path, byteHits);
        }
        boolean[] hit = utf16 != null ? ruleHits(hits, null, text) : ruleHits(hits, b, null);
        // Path filters and path/commit allowlists are checked only for rules that would run.
        boolean[] active = new boolean[rules.length];
        boolean needText = false;
        List<Candidate> pathOnly = new ArrayList<>();
        boolean[] runs = rulesOn(path, commit);
        for (int i = 0; i < rules.length; i++) {
            boolean wouldRun = rules[i].regex() == null || keywordsOfRule[i] == null || hit[i];
            active[i] = wouldRun && runs[i];
            if (!active[i]) {
                continue;
            }
            if (rules[i].regex() == null) {
                pathOnly.add(new Candidate(i, 0, 0, 0, 0, path));
            } else if (keywordsOfRule[i] == null || hit[i]) {
                needText = true;
            }
        }
        if (!needText && pathOnly.isEmpty()) {
            return Detection.none(path, byteHits);
        }
        boolean ascii = false;
        int lead = shift; // bytes before the text: a UTF-8 byte-order mark
        if (text == null) {
            if (Content.isAscii(b, shift, len)) {
                text = new String(b, shift, len - shift, StandardCharsets.ISO_8859_1);
                ascii = true;
            } else {
                text = new String(b, shift, len - shift, StandardCharsets.UTF_8);
                hits = new Hits(keywordLength.length);
                search.scan(text, hits);
                shift = 0;
                hit = ruleHits(hits, null, text);
            }
        }
        Scan scan = new Scan(blob, text, ascii, path, commit, runs, active, hits, hit, shift);
        List<Credential> found = scan.run(pathOnly);
        int[] spans = utf16 != null ? null : scan.spans(found);
        return new Detection(path, found, spans == null ? null : ByteOffsets.of(text, lead, ascii, spans, b), byteHits);
    }

    /**
     * Which rules have a keyword hit that can start a match: any hit of a keyword, or for a
     * keyword with an exact-case form, a hit whose text is exactly that form. Hits are read from
     * bytes (end offsets into bytes) or, when bytes is null, from text (char offsets).
     */
    private boolean[] ruleHits(Hits hits, byte[] bytes, String text) {
        boolean[] hit = new boolean[rules.length];
        if (hits.total == 0) {
            return hit;
        }
        for (int i = 0; i < rules.length; i++) {
            int[] kws = keywordsOfRule[i];
            if (kws == null) {
                continue;
            }
            String[] exact = exactKeyword[i];
            byte[][] exactBytes = exactKeywordBytes[i];
            for (int j = 0; j < kws.length && !hit[i]; j++) {
                int k = kws[j];
                if (hits.counts[k] == 0) {
                    continue;
                }
                String form = exact == null ? null : exact[j];
                if (form == null) {
                    hit[i] = true;
                    continue;
                }
                int[] ends = hits.ends[k];
                for (int h = 0; h < hits.counts[k] && !hit[i]; h++) {
                    hit[i] = bytes != null ? sameBytes(bytes, ends[h] - form.length(), exactBytes[j])
                            : text.startsWith(form, ends[h] - form.length());
                }
            }
        }
        return hit;
    }

    private static boolean sameBytes(byte[] bytes, int at, byte[] form) {
        for (int i = 0; i < form.length; i++) {
            if (bytes[at + i] != form[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per rule, whether it runs on the path: its path filter, and the allowlists it meets. Asked
     * once per blob (a lookup per rule and blob was 4 million on hummingbot). The array may be the
     * per-path cache's: read it, never write to it.
     */
    private boolean[] rulesOn(String path, String commit) {
        if (!rulesOnPathCached || path == null) {
            boolean[] runs = new boolean[rules.length];
            for (int i = 0; i < rules.length; i++) {
                runs[i] = runsOnUncached(rules[i], path, commit);
            }
            return runs;
        }
        return pathRules(path, commit).runs();
    }

    /** The keyword search for a blob at this path (all keywords when what runs depends on more than the path). */
    private KeywordPrefilter prefilterFor(String path, String commit) {
        return !rulesOnPathCached || path == null ? prefilter : pathRules(path, commit).prefilter();
    }

    private PathRules pathRules(String path, String commit) {
        // A history holds each path in many versions: the path regexes run once per path.
        return perPath(rulesOnPath, path, p -> {
            boolean[] runs = new boolean[rules.length];
            java.util.BitSet live = new java.util.BitSet(keywordLength.length);
            for (int j = 0; j < rules.length; j++) {
                runs[j] = runsOnUncached(rules[j], p, commit);
                if (runs[j] && keywordsOfRule[j] != null) {
                    for (int k : keywordsOfRule[j]) {
                        live.set(k);
                    }
                }
            }
            return new PathRules(runs, prefilters.computeIfAbsent(live, m -> new KeywordPrefilter(prefilter.keywords(), m)));
        });
    }

    private boolean runsOnUncached(Rule r, String path, String commit) {
        if (r.path() != null && !r.path().matcher(path).find()) {
            return false;
        }
        for (Allowlist a : r.allowlists()) {
            if (AllowlistCheck.blobAllowed(a, path, commit)) {
                return false;
            }
        }
        for (Allowlist a : ruleSet.globalAllowlists()) {
            if (!a.targetRules().isEmpty() && a.targetRules().contains(r.id()) && AllowlistCheck.blobAllowed(a, path, commit)) {
                return false;
            }
        }
        return true;
    }

    private static Charset utf16(byte[] b) {
        if (b.length >= 2) {
            if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
        }
        return null;
    }

    /** Whether [from, to) overlaps one of the sorted [start, end) pairs. */
    static boolean overlaps(int[] ranges, int from, int to) {
        return startsBefore(ranges, firstEndingAfter(ranges, from), to);
    }

    /** Whether the pair at index pair (one of the sorted [start, end) pairs, or their count) starts before to. */
    static boolean startsBefore(int[] ranges, int pair, int to) {
        return pair < ranges.length / 2 && ranges[pair * 2] < to;
    }

    /** Index of the first of the sorted [start, end) pairs that ends after offset (their count if none). */
    static int firstEndingAfter(int[] ranges, int offset) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges[mid * 2 + 1] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * {@link #firstEndingAfter(int[], int)} found by stepping from a nearby answer: hits come in
     * text order, so the answer for the previous one is a few pairs away at most.
     */
    static int firstEndingAfter(int[] ranges, int offset, int near) {
        int i = near;
        while (i > 0 && ranges[i * 2 - 1] > offset) {
            i--;
        }
        while (i < ranges.length / 2 && ranges[i * 2 + 1] <= offset) {
            i++;
        }
        return i;
    }

    /** Keyword hit end offsets, per keyword. */
    static final class Hits implements KeywordPrefilter.HitSink {
        final int[][] ends;
        final int[] counts;
        int total;

        Hits(int keywords) {
            ends = new int[keywords][];
            counts = new int[keywords];
        }

        @Override
        public void hit(int keyword, int end) {
            int[] a = ends[keyword];
            int c = counts[keyword];
            if (a == null) {
                a = ends[keyword] = new int[8];
            } else if (c == a.length) {
                a = ends[keyword] = Arrays.copyOf(a, c * 2);
            }
            a[c] = end;
            counts[keyword] = c + 1;
            total++;
        }
    }

    /** One regex match that passed the rule's own group selection, before the filters. */
    private record Candidate(int rule, int secretStart, int secretEnd, int matchStart, int matchEnd, String secret) {
    }

    /**
     * A candidate that passed every filter, with where its secret's line starts: the line's number
     * is counted only for a match that becomes a credential (a delta child's matches mostly do not).
     */
    private record Found(Candidate c, int lineStart, boolean allowedInline) {
    }

    /** Longest window whose regex matches are remembered (a window is a few lines around a keyword). */
    private static final int WINDOW_CACHED_MAX = 4096;
    /** Chars of windows remembered per thread (about 8,000 windows of a few lines). */
    private static final long WINDOW_CHARS_CACHED = 2L << 20;
    /** Longest secret whose verdict is remembered (a PEM block is read again instead). */
    private static final int SECRET_CACHED_MAX = 256;
    private static final int SECRETS_CACHED = 8192;

    private record WindowKey(int rule, boolean anchored, String window) {
    }

    private record SecretKey(int rule, String secret) {
    }

    private final ThreadLocal<Map<WindowKey, int[]>> windowMatches =
            PerThreadLru.of(WINDOW_CHARS_CACHED, k -> k.window().length() + 64);
    private final ThreadLocal<Map<SecretKey, Boolean>> secretVerdicts = PerThreadLru.of(SECRETS_CACHED);

    /**
     * The checks of a candidate that read its secret alone: entropy, the rule's validator and
     * placeholders. A value its rule's validator accepted is judged by the placeholder checks it
     * cannot fail by chance; a publicly documented example value (AWS's ...EXAMPLE key) goes on to
     * be reported as such (info) by the assembler rather than dropped here.
     */
    private boolean mayBeSecret(int rule, String secret) {
        Double entropy = rules[rule].entropy();
        if (entropy != null && Entropy.shannon(secret) <= entropy) {
            return false;
        }
        Predicate<String> validator = validators.get(rule);
        if (validator != null && !validator.test(secret)) {
            return false;
        }
        return !PlaceholderFilter.isPlaceholder(secret, validator != null) || KNOWN.note(secret).isPresent();
    }

    /** The work on one decoded blob. */
    private final class Scan {
        final Blob blob;
        final String text;
        /** The text is the blob's bytes one char each (ASCII, or Latin-1 for a delta), so the gate copies it as bytes. */
        final boolean byteView;
        final String path;
        final String commit;
        final boolean[] active;
        /** Per rule, whether it runs on this blob's path ({@link #rulesOn}). */
        final boolean[] runs;
        final Hits hits;
        final boolean[] hit;
        final int shift;
        final boolean[] ran = new boolean[rules.length];
        final List<List<Found>> found = new ArrayList<>(rules.length);
        /**
         * When set ([start, end) pairs of bytes a delta changed), a keyword hit whose window holds
         * none of them is passed over: that text, and so its matches, are as in the delta's base.
         */
        int[] touched;
        LineIndex lines;

        Scan(Blob blob, String text, boolean byteView, String path, String commit, boolean[] runs, boolean[] active,
             Hits hits, boolean[] hit, int shift) {
            this.blob = blob;
            this.text = text;
            this.byteView = byteView;
            this.path = path;
            this.commit = commit;
            this.runs = runs;
            this.active = active;
            this.hits = hits;
            this.hit = hit;
            this.shift = shift;
            for (int i = 0; i < rules.length; i++) {
                found.add(List.of());
            }
        }

        /** The regex stage: every active rule's matches that pass the filters, per rule. */
        void match(List<Candidate> pathOnly) {
            for (int i = 0; i < rules.length; i++) {
                if (!active[i] || rules[i].regex() == null) {
                    continue;
                }
                if (keywordsOfRule[i] == null || wholeText[i] && hit[i]) {
                    runRegion(i, 0, text.length());
                } else if (hit[i] && runChars[i] != null) {
                    runAtRunStarts(i);
                } else if (hit[i]) {
                    runWindows(i);
                }
            }
            for (Candidate c : pathOnly) {
                found.set(c.rule(), List.of(new Found(c, 0, false)));
            }
            applyComposites();
        }

        /**
         * Whether the regex stage found a match the changes can have made (any match of a window
         * that holds changed bytes, since only those windows ran, or a whole-text match that holds
         * some) from which the assembler makes a credential. The assembler places each match on its
         * own, so a match it drops alone it drops among all the others too; the cheap
         * {@link CredentialAssembler#mayReport} check spares most blobs the document's structure.
         */
        boolean foundNew() {
            List<Match> fresh = new ArrayList<>();
            for (int i = 0; i < rules.length; i++) {
                List<Found> ofRule = found.get(i);
                if (ofRule.isEmpty()) {
                    continue; // most rules: no iterator for nothing, 57,000 blobs times 80 rules
                }
                boolean windowed = keywordsOfRule[i] != null && !wholeText[i];
                for (Found f : ofRule) {
                    if ((windowed || overlaps(touched, f.c().matchStart(), f.c().matchEnd())) && mayReport(f)) {
                        fresh.add(toMatch(f));
                    }
                }
            }
            return !fresh.isEmpty() && !assembler.assemble(blob, text, fresh).isEmpty();
        }

        private boolean mayReport(Found f) {
            Rule rule = rules[f.c().rule()];
            int start = f.lineStart();
            return assembler.mayReport(rule.id(), rule.provider(), rule.part(), f.c().secret(), path,
                    text.substring(start, lineEndAt(start)), f.c().secretStart() - start + 1);
        }

        /**
         * Where each part sits ({@link Detection#spans()}), from its line and column; null when a
         * part is not where its line and column say (then nothing of this blob is inherited).
         */
        int[] spans(List<Credential> credentials) {
            int count = 0;
            for (Credential c : credentials) {
                count += c.parts().size();
            }
            int[] spans = new int[count * 4];
            int n = 0;
            for (Credential c : credentials) {
                for (Match m : c.parts()) {
                    Integer rule = indexById.get(m.ruleId());
                    if (rule != null && rules[rule].regex() == null) {
                        Arrays.fill(spans, n, n + 4, -1);
                        n += 4;
                        continue;
                    }
                    LineIndex li = lines();
                    if (m.line() < 1 || m.line() > li.count()) {
                        return null;
                    }
                    int start = li.start(m.line()) + m.column() - 1;
                    if (!text.startsWith(m.secret(), start)) {
                        return null;
                    }
                    int end = start + m.secret().length();
                    int first = Math.max(1, m.line() - DELTA_CONTEXT_LINES);
                    int last = Math.min(li.count(), li.lineOf(Math.max(start, end - 1)) + DELTA_CONTEXT_LINES);
                    spans[n++] = start;
                    spans[n++] = end;
                    spans[n++] = li.start(first);
                    spans[n++] = last < li.count() ? li.start(last + 1) : text.length();
                }
            }
            return spans;
        }

        List<Credential> run(List<Candidate> pathOnly) {
            match(pathOnly);
            List<Found> all = new ArrayList<>();
            for (int i = 0; i < rules.length; i++) {
                if (!ruleSet.skipsReport(rules[i].id())) {
                    all.addAll(found.get(i));
                }
            }
            all = preferSpecific(all);
            all.sort(Comparator.comparingInt((Found f) -> f.c().secretStart()).thenComparingInt(f -> f.c().rule()));

            List<Match> live = new ArrayList<>();
            List<Match> allowed = new ArrayList<>();
            boolean liveMayReport = false;
            boolean allowedMayReport = false;
            for (Found f : all) {
                if (f.allowedInline()) {
                    if (options.keepAllowed()) {
                        allowed.add(toMatch(f));
                        allowedMayReport = allowedMayReport || mayReport(f);
                    }
                } else {
                    live.add(toMatch(f));
                    liveMayReport = liveMayReport || mayReport(f);
                }
            }
            // Matches the assembler drops whatever their context (a name assigned a non-secret,
            // the common generic match) make no credential: without another, it need not read
            // the document's structure at all.
            List<Credential> out = new ArrayList<>();
            if (liveMayReport) {
                out.addAll(reportable(assembler.assemble(blob, text, live)));
            }
            if (allowedMayReport) {
                for (Credential c : reportable(assembler.assemble(blob, text, allowed))) {
                    out.add(new Credential(c.provider(), c.severity(), c.parts(), true));
                }
            }
            return out;
        }

        private List<Credential> reportable(List<Credential> creds) {
            if (blob.reportLines() == null) {
                return creds;
            }
            List<Credential> out = new ArrayList<>();
            for (Credential c : creds) {
                if (c.parts().stream().anyMatch(m -> blob.reportsLine(m.line()))) {
                    out.add(c);
                }
            }
            return out;
        }

        /** The keyword hits of rule i, as (start << 32 | end) in text offsets, sorted. */
        private long[] hitSpans(int i) {
            int[] kws = keywordsOfRule[i];
            int total = 0;
            for (int k : kws) {
                total += hits.counts[k];
            }
            long[] spans = new long[total];
            int n = 0;
            for (int k : kws) {
                int[] ends = hits.ends[k];
                for (int j = 0; j < hits.counts[k]; j++) {
                    int end = ends[j] - shift;
                    spans[n++] = ((long) (end - keywordLength[k]) << 32) | end;
                }
            }
            Arrays.sort(spans);
            return spans;
        }

        /**
         * A rule whose matches start at a run's start ({@link #RUN_START}): one anchored match per
         * run holding a keyword hit, in text order, each after the previous match as find() would.
         */
        private void runAtRunStarts(int i) {
            boolean[] in = runChars[i];
            boolean[] follow = runFollow[i];
            int context = contextLines[i];
            int done = 0; // where the previous match ended
            int lastRun = -1;
            int near = 0; // the first change that ends after the current window's start
            for (long span : hitSpans(i)) {
                int hs = (int) (span >>> 32);
                int he = (int) span;
                if (hs < done) {
                    continue;
                }
                int start = hs;
                while (start > done && runChar(in, text.charAt(start - 1))) {
                    start--;
                }
                if (start == lastRun) {
                    continue; // this run was tried already, from its start
                }
                lastRun = start;
                int from = start;
                if (runAfterSeparator[i] && start > 0) {
                    if (start - 1 >= done) {
                        from = start - 1; // the separator char
                    } else if (!(multiline[i] && text.charAt(start - 1) == '\n')) {
                        continue; // neither a separator nor a line start precedes it: find() would not match here
                    }
                }
                if (touched != null) {
                    near = firstEndingAfter(touched, from, near);
                    if (!startsBefore(touched, near, farthestWindowEnd(he))) {
                        continue;
                    }
                }
                if (follow != null && !mayFollow(follow, in, start)) {
                    continue; // nothing that may follow the name comes after the run
                }
                int to = windowEnd(i, he, context);
                if (touched != null && !startsBefore(touched, near, to)) {
                    continue;
                }
                int end = runRegion(i, from, to, true);
                if (end > 0) {
                    done = end;
                }
            }
        }

        /**
         * Whether the char after the run starting at start may follow a name ({@link RunFollow}); a
         * char over 127 may be one that (?i) folds into a name's letter, and RE2/J decides.
         */
        private boolean mayFollow(boolean[] follow, boolean[] in, int start) {
            int end = start;
            while (end < text.length() && runChar(in, text.charAt(end))) {
                end++;
            }
            return end < text.length() && (text.charAt(end) >= 128 || follow[text.charAt(end)]);
        }

        private static boolean runChar(boolean[] in, char c) {
            return c < 128 && in[c];
        }

        /**
         * The windows of a delta's changes: a hit's window only when it holds changed bytes. Of a
         * window whose keyword was already there (a rule that reads lines near its keyword), only
         * the changes nearest the hit and what lies beyond them (with one line more for a regex that
         * can cross a line break): between them, hit and text were one run of the base, so a match
         * there was in the base too.
         */
        private void runTouchedWindows(int i, long[] spans, int context) {
            long[] regions = new long[8];
            int count = 0;
            int k = lineBreakInside[i] ? 1 : 0;
            int near = 0; // the first change that ends after the current hit's farthest window start
            for (long span : spans) {
                int hs = (int) (span >>> 32);
                int he = (int) span;
                // Most hits of a blob lie far from what its delta changed: their windows, which
                // cannot reach past the caps, are not measured line by line.
                near = firstEndingAfter(touched, Math.max(0, hs - BEFORE_CAP), near);
                if (!startsBefore(touched, near, farthestWindowEnd(he))) {
                    continue;
                }
                int ws = windowStart(hs, context);
                int we = windowEnd(i, he, context);
                int atWindow = firstEndingAfter(touched, ws, near); // stepped: no search per hit
                if (!startsBefore(touched, atWindow, we)) {
                    continue;
                }
                if (context < NEARBY_LINES || startsBefore(touched, firstEndingAfter(touched, hs, atWindow), he)) {
                    regions = add(regions, count++, ((long) ws << 32) | we);
                    continue;
                }
                // The hit's own stretch, between the changes nearest to it, was one run of the base
                // with the hit in it: only the text from those changes outward is new to this keyword.
                int after = firstEndingAfter(touched, he, atWindow); // the first change past the hit
                if (after > 0 && touched[after * 2 - 1] > ws) {
                    regions = add(regions, count++, ((long) ws << 32) | Math.min(we, windowEnd(i, touched[after * 2 - 1], k)));
                }
                if (after < touched.length / 2 && touched[after * 2] < we) {
                    regions = add(regions, count++, ((long) Math.max(ws, windowStart(touched[after * 2], k)) << 32) | we);
                }
            }
            int from = -1;
            int to = -1;
            Arrays.sort(regions, 0, count);
            for (int r = 0; r < count; r++) {
                long region = regions[r];
                int lo = (int) (region >>> 32);
                int hi = (int) region;
                if (from >= 0 && lo <= to) {
                    to = Math.max(to, hi);
                    continue;
                }
                if (from >= 0) {
                    runRegion(i, from, to);
                }
                from = lo;
                to = hi;
            }
            if (from >= 0) {
                runRegion(i, from, to);
            }
        }

        /** regions with value at n, grown when full. */
        private static long[] add(long[] regions, int n, long value) {
            if (n == regions.length) {
                regions = Arrays.copyOf(regions, n * 2);
            }
            regions[n] = value;
            return regions;
        }

        private void runWindows(int i) {
            long[] spans = hitSpans(i);
            int context = contextLines[i];
            if (touched != null) {
                runTouchedWindows(i, spans, context);
                return;
            }
            int ws = -1;
            int we = -1;
            for (long span : spans) {
                int hs = (int) (span >>> 32);
                int he = (int) span;
                if (ws >= 0 && hs <= we) {
                    we = Math.max(we, windowEnd(i, he, context));
                    continue;
                }
                int start = windowStart(hs, context);
                if (ws >= 0 && start <= we) {
                    // Overlapping windows are merged, so no text is matched twice by one rule.
                    we = Math.max(we, windowEnd(i, he, context));
                    continue;
                }
                if (ws >= 0) {
                    runRegion(i, ws, we);
                }
                ws = start;
                we = windowEnd(i, he, context);
            }
            if (ws >= 0) {
                runRegion(i, ws, we);
            }
        }

        private WindowStarts windowStarts;

        private int windowStart(int hitStart, int context) {
            if (windowStarts == null) {
                windowStarts = byteView ? WindowStarts.ofBytes(blob.bytes(), shift) : WindowStarts.ofText(text);
            }
            return windowStarts.of(hitStart, context);
        }

        /** Where {@link #windowEnd} can reach at most, whatever the lines. */
        private int farthestWindowEnd(int hitEnd) {
            return Math.min(text.length(), hitEnd + AFTER_CAP + 1);
        }

        private WindowEnds windowEnds;

        private int windowEnd(int i, int hitEnd, int context) {
            if (windowEnds == null) {
                windowEnds = new WindowEnds(text);
            }
            int p = windowEnds.of(hitEnd, context);
            if (lineBreakEndsOnly[i] && p < text.length() && text.charAt(p) == '\n') {
                p++; // the terminator may match the break, as it would with the next line in view
            }
            return p;
        }

        private void runRegion(int i, int from, int to) {
            runRegion(i, from, to, false);
        }

        /**
         * Matches rule i in [from, to): every match, or with anchored only one that starts at from.
         * Returns where the last match ended in the text (0 when none).
         */
        private int runRegion(int i, int from, int to, boolean anchored) {
            ran[i] = true;
            if (gate != null && !gate.mayMatch(i, text, from, to, anchored, byteView)) {
                return 0;
            }
            int[] raw = regexMatches(i, from, to, anchored);
            List<Found> out = null;
            for (int k = 0; k + 4 < raw.length; k += 4) {
                Candidate c = raw[k + 2] < 0 ? null : candidate(i, from + raw[k + 2], from + raw[k + 3],
                        from + raw[k], from + raw[k + 1]);
                Found f = c == null ? null : filter(c);
                if (f != null) {
                    if (out == null) {
                        out = new ArrayList<>(found.get(i));
                    }
                    out.add(f);
                }
            }
            if (out != null) {
                found.set(i, out);
            }
            int ended = raw[raw.length - 1];
            return ended < 0 ? 0 : from + ended;
        }

        /**
         * The regex stage of {@link #runRegion}: per match (matchStart, matchEnd, secretStart,
         * secretEnd) relative to from, secretStart -1 when the match holds no secret, then where the
         * last match ended (-1 when none). A window's answer depends on its text alone (unless a
         * match reaches its cut end), and a history holds the same window in many versions of a
         * file: answers are remembered per thread.
         */
        private int[] regexMatches(int i, int from, int to, boolean anchored) {
            Rule rule = rules[i];
            boolean whole = from == 0 && to == text.length();
            String input = whole ? text : text.substring(from, to);
            // A window cut inside a line (a very long line) may cut a match short: such a match is
            // matched again from its start with the rest of the line in view.
            boolean cutEnd = to < text.length() && text.charAt(to) != '\n' && text.charAt(to) != '\r';
            WindowKey key = whole || cutEnd || input.length() > WINDOW_CACHED_MAX ? null : new WindowKey(i, anchored, input);
            Map<WindowKey, int[]> cache = key == null ? null : windowMatches.get();
            int[] known = cache == null ? null : cache.get(key);
            if (known != null) {
                return known;
            }
            Matcher m = rule.regex().matcher(input);
            int[] raw = new int[8];
            int n = 0;
            int ended = -1;
            while (anchored ? ended < 0 && m.lookingAt() : m.find()) {
                ended = m.end();
                int ms = m.start();
                int me = m.end();
                int ss = -1;
                int se = -1;
                if (cutEnd && m.end() + from == to) {
                    int start = ms + from;
                    int end = Math.min(text.length(), Math.max(to, start + MAX_REMATCH));
                    Matcher again = rule.regex().matcher(text.substring(start, end));
                    if (!again.find() || again.start() != 0) {
                        continue;
                    }
                    int g = rule.secretGroupOf(again);
                    me = ms + again.end();
                    ended = me;
                    if (g >= 0) {
                        ss = ms + again.start(g);
                        se = ms + again.end(g);
                    }
                } else {
                    int g = rule.secretGroupOf(m);
                    if (g >= 0) {
                        ss = m.start(g);
                        se = m.end(g);
                    }
                }
                if (n + 5 > raw.length) {
                    raw = Arrays.copyOf(raw, raw.length * 2);
                }
                raw[n++] = ms;
                raw[n++] = me;
                raw[n++] = ss;
                raw[n++] = se;
            }
            raw = Arrays.copyOf(raw, n + 1);
            raw[n] = ended;
            if (cache != null) {
                cache.put(key, raw);
            }
            return raw;
        }

        private Candidate candidate(int i, int ss, int se, int ms, int me) {
            while (se > ss && (text.charAt(se - 1) == '\n' || text.charAt(se - 1) == '\r')) {
                se--;
            }
            if (se <= ss) {
                return null;
            }
            return new Candidate(i, ss, se, ms, me, text.substring(ss, se));
        }

        private Found filter(Candidate c) {
            Rule rule = rules[c.rule()];
            String secret = c.secret();
            boolean mayBe = secret.length() > SECRET_CACHED_MAX ? mayBeSecret(c.rule(), secret)
                    : secretVerdicts.get().computeIfAbsent(new SecretKey(c.rule(), secret),
                            k -> mayBeSecret(k.rule(), k.secret()));
            if (!mayBe) {
                return null;
            }
            int lineStart = lineStartAt(c.matchStart());
            int lineEnd = lineEndAt(Math.max(c.matchStart(), c.matchEnd() - 1));
            // A minified file is one line of megabytes with many matches: its text is copied only
            // for an allowlist that reads lines.
            String lineText = allowlistReadsLines[c.rule()] ? text.substring(lineStart, lineEnd) : null;
            String match = text.substring(c.matchStart(), c.matchEnd());
            for (Allowlist a : ruleSet.globalAllowlists()) {
                if (AllowlistCheck.appliesTo(a, rule.id())
                        && AllowlistCheck.matchAllowed(a, secret, match, lineText, path, commit)) {
                    return null;
                }
            }
            for (Allowlist a : rule.allowlists()) {
                if (AllowlistCheck.matchAllowed(a, secret, match, lineText, path, commit)) {
                    return null;
                }
            }
            return new Found(c, lineStartAt(c.secretStart()), allowedInline(lineStart, lineEnd));
        }

        /** Where each allow signature starts in the text, found on first use: once per blob, not per match. */
        private int[][] signatureAt;

        /**
         * Whether text[from, to) holds an allow signature. A match's lines are searched on their
         * own; a minified file's megabyte-long line, once per blob (finding the signatures in the
         * whole text took half the generic rule's filter time when done for every blob).
         */
        private boolean allowedInline(int from, int to) {
            if (to - from <= SIGNATURE_SEARCHED_IN_LINES) {
                for (String signature : ALLOW_SIGNATURES) {
                    char first = signature.charAt(0);
                    for (int p = from; p + signature.length() <= to; p++) {
                        if (text.charAt(p) == first && text.startsWith(signature, p)) {
                            return true;
                        }
                    }
                }
                return false;
            }
            if (signatureAt == null) {
                signatureAt = new int[ALLOW_SIGNATURES.length][];
                for (int k = 0; k < ALLOW_SIGNATURES.length; k++) {
                    java.util.stream.IntStream.Builder at = java.util.stream.IntStream.builder();
                    for (int p = text.indexOf(ALLOW_SIGNATURES[k]); p >= 0; p = text.indexOf(ALLOW_SIGNATURES[k], p + 1)) {
                        at.add(p);
                    }
                    signatureAt[k] = at.build().toArray();
                }
            }
            for (int k = 0; k < ALLOW_SIGNATURES.length; k++) {
                int[] at = signatureAt[k];
                int i = Arrays.binarySearch(at, from);
                i = i < 0 ? -i - 1 : i;
                if (i < at.length && at[i] + ALLOW_SIGNATURES[k].length() <= to) {
                    return true;
                }
            }
            return false;
        }

        private LineIndex lines() {
            if (lines == null) {
                lines = new LineIndex(text);
            }
            return lines;
        }

        /**
         * Where the line holding offset starts. A delta child's few matches are read around
         * ({@link LineIndex#startNear}); a whole text's many ask the index, which counts its lines once.
         */
        private int lineStartAt(int offset) {
            return touched == null ? lines().start(lines().lineOf(offset)) : lines().startNear(offset);
        }

        /** Where the line holding offset ends, before its '\n' (and a '\r' ending the line). */
        private int lineEndAt(int offset) {
            return touched == null ? lines().end(lines().lineOf(offset)) : lines().endNear(offset);
        }

        /** A composite rule's match stays only when every required rule matched near it. */
        private void applyComposites() {
            for (int i = 0; i < rules.length; i++) {
                if (found.get(i).isEmpty()) {
                    continue;
                }
                List<CompositeRequirement> reqs = ruleSet.required(rules[i].id());
                if (reqs.isEmpty()) {
                    continue;
                }
                for (CompositeRequirement req : reqs) {
                    Integer j = indexById.get(req.ruleId());
                    if (j != null && !ran[j] && rules[j].regex() != null && runs[j]) {
                        runRegion(j, 0, text.length());
                    }
                }
                List<Found> kept = new ArrayList<>();
                for (Found primary : found.get(i)) {
                    boolean all = true;
                    for (CompositeRequirement req : reqs) {
                        Integer j = indexById.get(req.ruleId());
                        all &= j != null && found.get(j).stream().anyMatch(aux -> near(primary, aux, req));
                    }
                    if (all) {
                        kept.add(primary);
                    }
                }
                found.set(i, kept);
            }
        }

        private boolean near(Found primary, Found aux, CompositeRequirement req) {
            // As gitleaks: distances between the starts of the two matches.
            int pl = lines().lineOf(primary.c().matchStart());
            int al = lines().lineOf(aux.c().matchStart());
            if (req.withinLines() != null && Math.abs(pl - al) > req.withinLines()) {
                return false;
            }
            if (req.withinColumns() != null) {
                int pc = primary.c().matchStart() - lines().start(pl);
                int ac = aux.c().matchStart() - lines().start(al);
                return Math.abs(pc - ac) <= req.withinColumns();
            }
            return true;
        }

        /**
         * Overlapping matches of different rules on the same secret: a generic rule's match gives
         * way to a provider rule's match on the same line whose secret overlaps or contains it.
         */
        private List<Found> preferSpecific(List<Found> all) {
            if (all.size() < 2) {
                return all;
            }
            List<Found> out = new ArrayList<>(all.size());
            for (Found f : all) {
                boolean drop = false;
                if (generic[f.c().rule()]) {
                    for (Found o : all) {
                        if (o != f && !generic[o.c().rule()] && o.lineStart() == f.lineStart()
                                && (o.c().secretStart() < f.c().secretEnd() && f.c().secretStart() < o.c().secretEnd()
                                || o.c().secret().contains(f.c().secret()))) {
                            drop = true;
                            break;
                        }
                    }
                }
                if (!drop) {
                    out.add(f);
                }
            }
            return out;
        }

        private Match toMatch(Found f) {
            Rule rule = rules[f.c().rule()];
            Candidate c = f.c();
            if (rule.regex() == null) {
                return new Match(rule.id(), rule.provider(), rule.part(), rule.severity(), c.secret(), 1, 1, 1, "", 0, null);
            }
            int ls = f.lineStart();
            int line = lines().lineOf(ls);
            int le = lineEndAt(ls);
            int column = c.secretStart() - ls + 1;
            int endColumn = column + c.secret().length();
            int from = ls;
            int to = le;
            if (to - from > LINE_TEXT_CAP) {
                int margin = (LINE_TEXT_CAP - Math.min(c.secretEnd() - c.secretStart(), LINE_TEXT_CAP)) / 2;
                from = Math.max(ls, c.secretStart() - margin);
                to = Math.min(le, Math.max(from + LINE_TEXT_CAP, c.secretEnd() + margin));
                to = Math.min(to, from + LINE_TEXT_CAP);
                if (c.secretStart() < ls) {
                    from = ls;
                }
            }
            return new Match(rule.id(), rule.provider(), rule.part(), rule.severity(), c.secret(), line, column,
                    endColumn, text.substring(from, Math.max(from, to)), Entropy.shannon(c.secret()), null);
        }
    }
}
