package dev.keyhound.detect.context;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Entropy;
import dev.keyhound.detect.KeywordPrefilter;
import dev.keyhound.detect.Match;
import dev.keyhound.detect.PerThreadLru;
import dev.keyhound.rules.ProviderInfo;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.rules.Severity;
import dev.keyhound.source.Blob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The real {@link CredentialAssembler}: names the provider of each exchange or generic match from
 * its context, drops what the context proves harmless, pairs the parts of one credential and sets
 * severity.
 *
 * <p>Provider, strongest evidence first: a distinctive value shape (bg_, mx0, organizations/.../apiKeys/);
 * the identifier the value is assigned to (BINANCE_API_SECRET, okx_secret_key); a rule tagged
 * "layout" whose regex is the provider's own file layout (Coinbase's {"id", "privateKey"}); sibling fields and
 * the names of the enclosing objects or sections ("name": "kraken", exchange: bybit, [binance]); a
 * library constructor around it (ccxt.okx({...})); a single constructor elsewhere in the file; the
 * path (conf/connectors/binance.yml); a comment just above. A private key found by another rule
 * (PEM, bare hex) is claimed by an exchange only from its name, siblings, constructor or path, and
 * only when its shape fits that exchange; otherwise it stays what its rule said. The first candidate whose shape table
 * (attribution.toml) fits the value and its part wins; a credential-shaped value with no provider
 * stays "generic", anything else from the generic rule is dropped.
 *
 * <p>Pairing: parts of one provider in the same object, section or bracketed block form one
 * {@link Credential}; a repeated part starts a new one. The secret (or private key) is the primary
 * part, because it is what signs requests and what must be revoked; the key id, passphrase and
 * uid follow. Severity: key and secret together critical, a secret alone high, a lone key id or
 * passphrase medium (generic credentials one step lower); then testnet/sandbox keys and closed
 * exchanges low, publicly documented example values info, each with a note.
 */
public final class ContextAssembler implements CredentialAssembler {
    static final String GENERIC = "generic";
    private static final int GENERIC_MIN_LENGTH = 16;
    private static final double GENERIC_MIN_ENTROPY = 3.0;
    private static final Pattern COMMENT = Pattern.compile("^\\s*(?:#|//|--|;|/\\*|\\*|<!--|%|')");

    private final RuleSet rules;
    private final AttributionData data;
    private final KnownExamples known;

    /** Every provider alias, searched for in a document's letters and digits; null when one is not ASCII. */
    private final KeywordPrefilter aliasSearch;
    private final String[] aliasProvider;
    /** The testnet words and "test.", searched for in a Latin-1 document (any case). */
    private final KeywordPrefilter testnetSearch;

    public ContextAssembler(RuleSet rules) {
        this(rules, AttributionData.builtIn(), KnownExamples.builtIn());
    }

    public ContextAssembler(RuleSet rules, AttributionData data, KnownExamples known) {
        this.rules = rules;
        this.data = data;
        this.known = known;
        List<String> aliases = new ArrayList<>(data.aliasToProvider().keySet());
        boolean alnum = aliases.stream().allMatch(a -> a.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c)));
        this.aliasSearch = alnum && !aliases.isEmpty() ? KeywordPrefilter.overLettersAndDigits(aliases) : null;
        List<String> testnetMarks = new ArrayList<>(data.testnetWords());
        testnetMarks.add("test.");
        this.testnetSearch = testnetMarks.stream().allMatch(w -> w.chars().allMatch(c -> c < 128))
                ? new KeywordPrefilter(testnetMarks) : null;
        this.aliasProvider = aliases.stream().map(a -> data.aliasToProvider().get(a)).toArray(String[]::new);
    }

    /** A match after attribution, with the scope it pairs in. */
    private record Placed(Match match, Scope scope, int viewLine, boolean testnet) {
    }

    @Override
    public List<Credential> assemble(Blob blob, String text, List<Match> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        String path = blob.origin().path();
        Document doc = document(path, text);
        List<Credential> out = new ArrayList<>();
        Map<String, List<Placed>> groups = new LinkedHashMap<>();
        List<Match> ours = new ArrayList<>(matches.size());
        for (Match m : matches) {
            if (foreign(m)) {
                out.add(Credential.of(m));
            } else {
                ours.add(m);
            }
        }
        // A user's own rule and keyhound's generic rule on the same secret: the user's rule says what it is.
        ours.removeIf(g -> GENERIC.equals(kind(g.provider())) && !"private-key".equals(g.part())
                && out.stream().map(Credential::primary).anyMatch(f -> f.line() == g.line()
                && f.column() < g.endColumn() && g.column() < f.endColumn()));
        for (Match m : dedupe(ours)) {
            if (!attributable(m)) {
                out.add(Credential.of(downgradeKnown(m)));
                continue;
            }
            Placed p = place(m, doc, path);
            if (p == null) {
                continue;
            }
            p = byAttributedProvidersRule(p, m, ours);
            String kind = kind(p.match().provider());
            boolean unclaimedKey = "private-key".equals(m.part()) && p.match().provider().equals(m.provider());
            if (unclaimedKey || (!kind.equals("exchange") && !kind.equals(GENERIC))) {
                out.add(Credential.of(downgradeKnown(p.match())));
                continue;
            }
            groups.computeIfAbsent(p.scope().id + "\u0000" + p.match().provider(), k -> new ArrayList<>()).add(p);
        }
        for (List<Placed> group : groups.values()) {
            out.addAll(pair(group));
        }
        List<Credential> reported = new ArrayList<>();
        for (Credential c : out) {
            List<Match> visible = c.parts().stream().filter(m -> blob.reportsLine(m.line())).toList();
            if (!visible.isEmpty()) {
                reported.add(visible.size() == c.parts().size() ? c
                        : new Credential(c.provider(), c.severity(), visible, c.allowedInline()));
            }
        }
        reported.sort(Comparator.comparingInt((Credential c) -> c.primary().line()).thenComparingInt(c -> c.primary().column()));
        return reported;
    }

    /**
     * An exchange or generic value is kept only when it passes what {@link #place} checks on its
     * own line (placeholder values, harmless names, a name that names no part) and fits some
     * provider's shape for the part its name says. The name is the one written before the value
     * on the line; without one, {@link #place} may take the name of the field on that line that
     * holds the value, or none; in a structured file (JSON, YAML, INI), the name its structure
     * gives the value.
     */
    @Override
    public boolean mayReport(String ruleId, String provider, String part, String secret, String path,
                             String line, int column) {
        if ("private-key".equals(part) || !(kind(provider).equals("exchange") || kind(provider).equals(GENERIC))
                || foreign(ruleId, provider) || path == null || ScopeIndex.notebook(path)) {
            return true; // a notebook's lines are not the cells' lines that place reads
        }
        boolean structured = !ScopeIndex.bracketScoped(path);
        if (line.length() > VERDICT_LINE_MAX) {
            return judgeOnItsLine(secret, line, column, structured);
        }
        // A history holds each line in many versions of its file, and the verdict reads only these.
        return verdicts.get().computeIfAbsent(new LineVerdict(ruleId, secret, line, column, structured),
                v -> judgeOnItsLine(secret, line, column, structured));
    }

    @Override
    public boolean readsWholeFile(String path) {
        return path == null || !ScopeIndex.bracketScoped(path);
    }

    /**
     * {@link #mayReport}'s inputs that decide a verdict: the rule gives provider and part, and the
     * path counts only for the file's format.
     */
    private record LineVerdict(String ruleId, String secret, String line, int column, boolean structured) {
    }

    private static final int VERDICT_LINE_MAX = 1000;
    private static final int VERDICTS_KEPT = 4096;

    private final ThreadLocal<Map<LineVerdict, Boolean>> verdicts = PerThreadLru.of(VERDICTS_KEPT);

    private boolean judgeOnItsLine(String secret, String line, int column, boolean structured) {
        int col = valueColumn(line, 0, line.length(), secret, column);
        String before = line.substring(Math.max(0, col - IDENTIFIER_REACH), col);
        if (matchesAny(data.placeholderValues(), secret)) {
            return false;
        }
        String identifier = identifierBefore(before);
        if (identifier != null) {
            return mayKeep(identifier, before, secret);
        }
        if (structured) {
            return true; // the value's name is its key in the structure, on another line
        }
        if (mayKeep(null, before, secret)) {
            return true;
        }
        for (String[] field : BracketScopes.fields(line)) {
            if (field[1].contains(ScopeIndex.firstLine(secret))) {
                return mayKeep(field[0], before, secret);
            }
        }
        return false;
    }

    /**
     * Where on its line (text[lineStart, lineStart + lineLength)) a value sits: at its match's own
     * column when it is there, else (a notebook's view line, a value the rule trimmed) its first
     * occurrence on the line, else the column clamped to the line.
     */
    static int valueColumn(String text, int lineStart, int lineLength, String secret, int column) {
        String first = ScopeIndex.firstLine(secret);
        int own = column - 1;
        if (own >= 0 && own + first.length() <= lineLength && text.startsWith(first, lineStart + own)) {
            return own;
        }
        int at = text.substring(lineStart, lineStart + lineLength).indexOf(first);
        return at >= 0 ? at : Math.max(0, Math.min(lineLength, own));
    }

    /** {@link #place}'s verdicts that depend only on the name, the text before the value and the value. */
    private boolean mayKeep(String identifier, String before, String secret) {
        List<String> idTokens = Names.tokens(identifier);
        if (harmless(idTokens, before, secret)) {
            return false;
        }
        String named = partOf(idTokens);
        if (named == null && !idTokens.isEmpty()) {
            List<Candidate> candidates = new ArrayList<>();
            distinctive(secret, candidates);
            if (candidates.isEmpty()) {
                return false;
            }
        }
        return !fittingProviders(named, secret).isEmpty() || genericShape(named, secret);
    }

    private record FitKey(String part, String secret) {
    }

    private final ThreadLocal<Map<FitKey, List<AttributionData.ProviderShapes>>> fitting = PerThreadLru.of(VERDICTS_KEPT);
    /** Longest value whose fitting providers are remembered (a PEM block is matched again instead). */
    private static final int FIT_CACHED_MAX = 256;

    /** The providers with a shape the value fits for the part (see {@link #fit}): a history asks for the same values often. */
    private List<AttributionData.ProviderShapes> fittingProviders(String part, String secret) {
        FitKey key = new FitKey(part, secret);
        return secret.length() > FIT_CACHED_MAX ? fittingUncached(key)
                : fitting.get().computeIfAbsent(key, this::fittingUncached);
    }

    private List<AttributionData.ProviderShapes> fittingUncached(FitKey k) {
        return data.providers().values().stream().filter(shapes -> fit(shapes, k.part(), k.secret()) != null).toList();
    }

    private boolean anyFits(List<Candidate> candidates, String part, String secret) {
        for (Candidate c : candidates) {
            if (fit(data.providers().get(c.provider()), part, secret) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether the value fits a provider the document or its path spells (see {@link Document#namedProviders}). */
    private boolean fitsOneNamedIn(Document doc, String part, String secret) {
        if (aliasSearch == null || doc.path == null) {
            return true;
        }
        for (AttributionData.ProviderShapes shapes : fittingProviders(part, secret)) {
            if (doc.namedProviders().contains(shapes.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some provider the value fits can be among {@link #place}'s candidates: one already
     * named on the value's line, one with a distinctive shape (a sibling value may have it), or
     * one whose alias the path or the document spells in its letters and digits, where every
     * name a token, value, constructor, import or comment gives is spelt. Only source code is read
     * so: a parsed file (JSON, YAML) may name a provider through escapes.
     */
    private boolean fitMayBeNamed(String part, String secret, List<Candidate> early, Document doc, String path) {
        for (AttributionData.ProviderShapes shapes : fittingProviders(part, secret)) {
            if (aliasSearch == null || path == null || !ScopeIndex.bracketScoped(path) || doc.view.notebook
                    || shapes.shapes().stream().anyMatch(AttributionData.Shape::distinctive)
                    || early.stream().anyMatch(c -> c.provider().equals(shapes.id()))
                    || doc.namedProviders().contains(shapes.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A match of a user's own rule (a gitleaks config, a --rules directory) that gives no provider,
     * so it is "generic" only by default: reported exactly as its rule found it, as gitleaks would.
     * Attribution and its drops (no credential shape, placeholder names) are for keyhound's own
     * generic rules: the built-in ones, and user rules that opt in with the "exchange" tag.
     */
    private boolean foreign(Match m) {
        return foreign(m.ruleId(), m.provider());
    }

    private boolean foreign(String ruleId, String provider) {
        if (!GENERIC.equals(kind(provider))) {
            return false;
        }
        return rules.byId(ruleId)
                .map(r -> !RuleSet.isBuiltIn(r) && !r.tags().contains("exchange"))
                .orElse(false);
    }

    /** Exchange and generic matches are attributed; a private key may turn out to be an exchange's. */
    private boolean attributable(Match m) {
        String kind = kind(m.provider());
        return kind.equals("exchange") || kind.equals(GENERIC) || "private-key".equals(m.part());
    }

    private String kind(String provider) {
        if (provider == null || provider.equals(GENERIC)) {
            return GENERIC;
        }
        if (data.providers().containsKey(provider)) {
            return "exchange";
        }
        return rules.provider(provider).map(ProviderInfo::kind).orElse("other");
    }

    /**
     * Two exchanges' rules that found the same secret at the same place (binance's and binanceus'
     * on BINANCEUS_API_SECRET=...) are deduplicated before attribution; once the context has named
     * the provider, the finding carries the rule of that provider, when one of them is.
     */
    private static Placed byAttributedProvidersRule(Placed p, Match kept, List<Match> all) {
        Match attributed = p.match();
        if (attributed.provider().equals(kept.provider())) {
            return p;
        }
        for (Match o : all) {
            if (o != kept && o.provider().equals(attributed.provider()) && o.line() == kept.line()
                    && o.column() == kept.column() && o.secret().equals(kept.secret())) {
                Match m = o.withAttribution(attributed.provider(), attributed.part(), attributed.severity(), attributed.note());
                return new Placed(m, p.scope(), p.viewLine(), p.testnet());
            }
        }
        return p;
    }

    /** The same secret at the same place found by several rules: keep the most specific. */
    private List<Match> dedupe(List<Match> matches) {
        Map<String, Match> best = new LinkedHashMap<>();
        for (Match m : matches) {
            String key = m.line() + ":" + m.column() + ":" + m.secret();
            Match prev = best.get(key);
            if (prev == null || specificity(m) > specificity(prev)) {
                best.put(key, m);
            }
        }
        // A generic match overlapping a specific one on the same line is the same finding.
        List<Match> kept = new ArrayList<>(best.values());
        kept.removeIf(g -> GENERIC.equals(kind(g.provider())) && kept.stream().anyMatch(o -> o != g
                && !GENERIC.equals(kind(o.provider())) && o.line() == g.line()
                && o.column() < g.endColumn() && g.column() < o.endColumn()));
        return kept;
    }

    private int specificity(Match m) {
        String kind = kind(m.provider());
        return kind.equals("exchange") ? 2 : kind.equals(GENERIC) ? 0 : 1;
    }

    /** Attributes one match; null when the context proves it harmless or it has no credential shape. */
    private Placed place(Match m, Document doc, String path) {
        String secret = m.secret();
        int viewLine = doc.view.toViewLine(m.line(), secret);
        if (viewLine < 1) {
            viewLine = Math.min(m.line(), doc.view.lineCount());
        }
        // Read in place: a long line's many values would each copy the whole line.
        int lineStart = doc.view.lineStart(viewLine);
        int lineLength = doc.view.lineEnd(viewLine) - lineStart;
        int col = valueColumn(doc.view.text, lineStart, lineLength, secret, m.column());
        String before = doc.view.text.substring(lineStart + Math.max(0, col - IDENTIFIER_REACH), lineStart + col);
        boolean weakOnly = lineLength > data.maxLineLength() || doc.harmlessPath();
        String identifier = identifierBefore(before);
        if (identifier == null && !weakOnly) {
            Scope.Field f = ScopeIndex.fieldOf(doc.scopes().innermost(viewLine, secret), viewLine, secret);
            identifier = f == null ? null : f.name();
        }
        List<String> idTokens = Names.tokens(identifier);
        boolean privateKey = "private-key".equals(m.part());
        if (harmless(idTokens, before, secret) || (!privateKey && matchesAny(data.placeholderValues(), secret))) {
            return null;
        }
        String named = partOf(idTokens);
        String part = privateKey ? "private-key" : named;
        List<Candidate> candidates = new ArrayList<>();
        distinctive(secret, candidates);
        if (part == null && !idTokens.isEmpty() && candidates.isEmpty()) {
            return null; // assigned to a name that names no credential part (BINANCE_URL, DERIBIT_ENV)
        }
        aliases(Names.grams(idTokens), Strength.IDENTIFIER, candidates);
        if (layoutRule(m.ruleId())) {
            add(candidates, m.provider(), Strength.LAYOUT); // the rule's regex is the provider's file layout
        }
        if (weakOnly && candidates.isEmpty() && !privateKey) {
            return null; // lock files and minified bundles: only a prefix or a provider's name counts
        }
        // When no provider the value fits can be named, the value is placed only as a generic one,
        // whatever else the document says: when it cannot be that either, the document's
        // structure is not read.
        if (!privateKey && !fitMayBeNamed(part, secret, candidates, doc, path) && (weakOnly || !genericShape(part, secret)
                || candidates.stream().anyMatch(c -> c.strength() == Strength.IDENTIFIER))) {
            return null;
        }
        // Built only now: most matches are decided without reading the document's structure.
        Scope scope = doc.scopes().innermost(viewLine, secret);
        if (!weakOnly) {
            siblings(doc, scope, viewLine, candidates);
            constructors(scope, candidates);
        }
        // The first candidate the value fits wins: once one does, what the rest of the file says
        // cannot change the result.
        if (!weakOnly && !anyFits(candidates, part, secret)) {
            // A PEM in a file that imports an exchange's library may be a deploy or TLS key; one
            // assigned to a secret's name (api_secret = "-----BEGIN...") is that exchange's. The
            // library's provider is one the file spells, so it counts only if the value fits one.
            if ((!privateKey || "secret".equals(named)) && fitsOneNamedIn(doc, part, secret)) {
                documentLibrary(doc, candidates);
            }
            aliases(Names.grams(Names.tokens(path)), Strength.PATH, candidates);
            if (!privateKey) {
                comments(doc.view, viewLine, scope, candidates);
            }
        }
        for (Candidate c : candidates) {
            AttributionData.ProviderShapes shapes = data.providers().get(c.provider());
            String fitted = fit(shapes, part, secret);
            if (fitted != null) {
                boolean testnet = testnet(doc, scope, viewLine, idTokens, c.provider());
                Match attributed = m.withAttribution(c.provider(), fitted, m.severity(), m.note());
                return new Placed(attributed, scope, viewLine, testnet);
            }
        }
        if (privateKey) {
            return new Placed(m, scope, viewLine, false); // not an exchange's: the rule's provider stands
        }
        if (candidates.stream().anyMatch(c -> c.strength() == Strength.IDENTIFIER)) {
            return null; // the name says which exchange, and the value is implausible for it
        }
        if (weakOnly || !genericShape(part, secret)) {
            return null;
        }
        String genericPart = part == null ? "secret" : part;
        return new Placed(m.withAttribution(GENERIC, genericPart, m.severity(), m.note()), scope, viewLine,
                testnet(doc, scope, viewLine, idTokens, GENERIC));
    }

    /** A rule tagged "layout" matches a provider's own file layout, so its provider stands as evidence. */
    private boolean layoutRule(String ruleId) {
        return rules.byId(ruleId).map(r -> r.tags().contains("layout")).orElse(false);
    }

    /** The part a value fits for a provider, preferring the part its name says; null when none fits. */
    private static String fit(AttributionData.ProviderShapes shapes, String part, String secret) {
        if (shapes == null) {
            return null;
        }
        if (part != null) {
            if (shapes.fits(part, secret)) {
                return part;
            }
            if (part.equals("private-key")) {
                // A bare hex or base64 key a wallet rule found may be an exchange's API secret (Gate, Bitget: 64 hex).
                return shapes.fits("secret", secret) ? "secret" : null;
            }
            return null; // the name says which part; a value of another part's shape is not this exchange's
        }
        for (String p : List.of("secret", "key")) {
            if (shapes.fits(p, secret)) {
                return p;
            }
        }
        return null;
    }

    /** A value with no provider is kept only when it has the shape of some exchange's key or secret. */
    private boolean genericShape(String part, String secret) {
        if (secret.length() < GENERIC_MIN_LENGTH || (part != null && !part.equals("key") && !part.equals("secret"))
                || !generated(secret)) {
            return false;
        }
        return !fittingProviders("key", secret).isEmpty() || !fittingProviders("secret", secret).isEmpty();
    }

    /**
     * A value with no provider is reported only when it looks machine-generated: letters mixed with
     * digits or both letter cases (base62, base64 and hex keys almost always are), and Shannon
     * entropy of at least {@value #GENERIC_MIN_ENTROPY} bits per char. gitleaks' generic rule uses
     * entropy 3.5 alone, which fails many 16-char hex keys (about 3.3) yet passes any long run of
     * lower-case letters (identifiers, words run together). Values attributed to a provider are
     * judged by that provider's shape table instead.
     */
    static boolean generated(String secret) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
        }
        boolean mixed = (lower || upper) && digit || lower && upper;
        return mixed && Entropy.shannon(secret) >= GENERIC_MIN_ENTROPY;
    }

    private boolean harmless(List<String> idTokens, String before, String secret) {
        for (String g : Names.grams(idTokens)) {
            if (data.harmlessWords().contains(g)) {
                return true;
            }
        }
        // Only the end of the text before the value matters (the patterns are anchored there).
        String tail = before.length() > 48 ? before.substring(before.length() - 48) : before;
        return matchesAny(data.harmlessBefore(), tail) || matchesAny(data.harmlessValues(), secret);
    }

    private static boolean matchesAny(Pattern anyOf, String text) {
        return RegexMemo.find(anyOf, text);
    }

    /** The part the identifier names (first in the table's order), or null. */
    private String partOf(List<String> idTokens) {
        List<String> grams = Names.grams(idTokens);
        for (String part : data.partOrder()) {
            for (String w : data.partWords().getOrDefault(part, List.of())) {
                if (grams.contains(w)) {
                    return part;
                }
            }
        }
        return null;
    }

    /**
     * How far before a value on its line its identifier is looked for; the harmless patterns read
     * less. Only that much of the line is copied: a minified file's line is megabytes long.
     */
    private static final int IDENTIFIER_REACH = 120;

    /** The identifier a value is assigned to, read from the text before it on its line. */
    static String identifierBefore(String before) {
        String tail = before.length() > IDENTIFIER_REACH ? before.substring(before.length() - IDENTIFIER_REACH) : before;
        return BracketScopes.assignedName(tail);
    }

    // ---- candidates ----------------------------------------------------------------------

    private enum Strength { DISTINCTIVE, IDENTIFIER, LAYOUT, SIBLING, CONSTRUCTOR, DOCUMENT, PATH, COMMENT }

    private record Candidate(String provider, Strength strength) {
    }

    private static void add(List<Candidate> out, String provider, Strength s) {
        if (provider != null && out.stream().noneMatch(c -> c.provider().equals(provider))) {
            out.add(new Candidate(provider, s));
        }
    }

    private void distinctive(String value, List<Candidate> out) {
        for (AttributionData.ProviderShapes p : data.providers().values()) {
            for (AttributionData.Shape s : p.shapes()) {
                if (s.distinctive() && s.fits(value)) {
                    add(out, p.id(), Strength.DISTINCTIVE);
                }
            }
        }
    }

    private void aliases(List<String> grams, Strength s, List<Candidate> out) {
        for (String g : grams) {
            add(out, data.aliasToProvider().get(g), s);
        }
    }

    private String aliasOfValue(String value) {
        String p = data.aliasToProvider().get(Names.squash(value));
        if (p != null) {
            return p;
        }
        for (String g : Names.grams(Names.tokens(value))) {
            p = data.aliasToProvider().get(g);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Name fields, distinctive sibling values and object/section names, nearest scope first. */
    private void siblings(Document doc, Scope scope, int viewLine, List<Candidate> out) {
        for (Scope s = scope; s != null; s = s.parent) {
            for (Scope.Field f : s.fields()) {
                if (data.nameFields().contains(Names.squash(f.name())) && f.value().length() <= 40) {
                    add(out, aliasOfValue(f.value()), Strength.SIBLING);
                }
            }
            for (Scope.Field f : s.fields()) {
                if (f.line() != viewLine) {
                    doc.distinctiveProviders(f.value()).forEach(provider -> add(out, provider, Strength.SIBLING));
                }
            }
            if (s.keyName() != null && s.opener() == null) {
                aliases(Names.grams(Names.tokens(s.keyName())), Strength.SIBLING, out);
            } else if (s.keyName() != null && BracketScopes.constructorId(s.opener(), data.constructors()) == null) {
                aliases(Names.grams(Names.tokens(s.keyName())), Strength.SIBLING, out);
            }
        }
    }

    private void constructors(Scope scope, List<Candidate> out) {
        for (Scope s = scope; s != null; s = s.parent) {
            String id = BracketScopes.constructorId(s.opener(), data.constructors());
            if (id != null) {
                add(out, aliasOfValue(id), Strength.CONSTRUCTOR);
            }
        }
    }

    /**
     * One exchange's library anywhere in the file, constructed or imported, names the provider of
     * what the file holds; libraries of two exchanges name none.
     */
    private void documentLibrary(Document doc, List<Candidate> out) {
        Set<String> found = doc.libraryProviders();
        if (found.size() == 1) {
            add(out, found.iterator().next(), Strength.DOCUMENT);
        }
    }

    /** Comment lines above the value's paragraph (up to a blank line) and above its block. */
    private void comments(DocumentView view, int viewLine, Scope scope, List<Candidate> out) {
        for (int start : new int[] {viewLine, scope.startLine}) {
            for (int n = start - 1; n >= Math.max(1, start - 8); n--) {
                String line = view.line(n);
                if (line.isBlank()) {
                    break;
                }
                if (COMMENT.matcher(line).find()) {
                    aliases(Names.grams(Names.tokens(line)), Strength.COMMENT, out);
                }
            }
        }
    }

    /**
     * A testnet/demo/sandbox marker in the credential's block (and a few lines after it, where
     * set_sandbox_mode(True) follows a constructor). In a flat file only nearby lines count that
     * name no other provider.
     */
    private boolean testnet(Document doc, Scope scope, int viewLine, List<String> idTokens, String provider) {
        for (String t : idTokens) {
            if (data.testnetWords().contains(t)) {
                return true;
            }
        }
        if (!doc.mentionsTestnet()) {
            return false;
        }
        DocumentView view = doc.view;
        if (!scope.isRoot()) {
            return doc.scopeMarksTestnet(scope);
        }
        for (int n = viewLine - 5; n <= viewLine + 5; n++) {
            String line = view.line(n);
            if (matchesAny(data.testnet(), line)) {
                List<Candidate> named = new ArrayList<>();
                aliases(Names.grams(Names.tokens(line)), Strength.COMMENT, named);
                if (named.isEmpty() || named.stream().anyMatch(c -> c.provider().equals(provider))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- pairing and severity ------------------------------------------------------------

    private static int rank(String part) {
        return switch (part == null ? "" : part) {
            case "secret", "private-key" -> 0;
            case "key" -> 1;
            case "passphrase" -> 2;
            case "uid" -> 3;
            default -> 4;
        };
    }

    private List<Credential> pair(List<Placed> group) {
        List<List<Placed>> creds = new ArrayList<>();
        List<Placed> current = new ArrayList<>();
        for (Placed p : group) {
            String part = p.match().part();
            boolean repeated = current.stream().anyMatch(q -> rank(q.match().part()) == rank(part));
            if (repeated) {
                creds.add(current);
                current = new ArrayList<>();
            }
            current.add(p);
        }
        creds.add(current);
        List<Credential> out = new ArrayList<>();
        for (List<Placed> parts : creds) {
            boolean secret = parts.stream().anyMatch(p -> rank(p.match().part()) == 0);
            boolean key = parts.stream().anyMatch(p -> rank(p.match().part()) == 1);
            String provider = parts.get(0).match().provider();
            // A passphrase or uid alone opens nothing, nor does an id with no provider: noise, not leaks.
            if (!secret && (!key || GENERIC.equals(provider))) {
                continue;
            }
            out.add(credential(parts));
        }
        return out;
    }

    private Credential credential(List<Placed> parts) {
        parts.sort(Comparator.comparingInt((Placed p) -> rank(p.match().part())).thenComparingInt(p -> p.match().line()));
        String provider = parts.get(0).match().provider();
        boolean secret = parts.stream().anyMatch(p -> rank(p.match().part()) == 0);
        boolean key = parts.stream().anyMatch(p -> rank(p.match().part()) == 1);
        Severity severity;
        if (!data.providers().containsKey(provider) && !GENERIC.equals(provider)) {
            severity = parts.get(0).match().severity(); // a private key the exchanges table does not claim
        } else {
            severity = secret && key ? Severity.CRITICAL : secret ? Severity.HIGH
                    : parts.stream().anyMatch(p -> rank(p.match().part()) <= 2) ? Severity.MEDIUM : Severity.LOW;
            if (GENERIC.equals(provider)) {
                severity = lower(severity);
            }
        }
        String note = null;
        if (rules.provider(provider).map(ProviderInfo::status).filter("closed"::equals).isPresent()) {
            severity = max(severity, Severity.LOW);
            note = "exchange closed";
        }
        if (parts.stream().anyMatch(Placed::testnet)) {
            severity = max(severity, Severity.LOW);
            note = note == null ? "testnet key" : note;
        }
        for (Placed p : parts) {
            Optional<String> k = known.note(p.match().secret()).or(() -> notRealComment(p.match()));
            if (k.isPresent()) {
                severity = Severity.INFO;
                note = k.get();
            }
        }
        List<Match> matches = new ArrayList<>();
        for (Placed p : parts) {
            Match m = p.match();
            matches.add(m.withAttribution(m.provider(), m.part(), severity, note != null ? note : m.note()));
        }
        return new Credential(provider, severity, matches);
    }

    private Match downgradeKnown(Match m) {
        Optional<String> note = known.note(m.secret()).or(() -> notRealComment(m));
        return note.map(n -> m.withAttribution(m.provider(), m.part(), Severity.INFO, n)).orElse(m);
    }

    /** A comment after the value on its line saying it is a mock, fake or invalidated value. */
    private Optional<String> notRealComment(Match m) {
        String line = m.lineText();
        int at = line.indexOf(ScopeIndex.firstLine(m.secret()));
        String after = at < 0 ? "" : line.substring(Math.min(line.length(), at + m.secret().length()));
        return matchesAny(data.notRealComments(), after) ? Optional.of("marked as not real in a comment") : Optional.empty();
    }

    private static Severity lower(Severity s) {
        return s == Severity.INFO ? s : Severity.values()[s.ordinal() + 1];
    }

    /** The less urgent of the two (the cap a downgrade sets). */
    private static Severity max(Severity s, Severity cap) {
        return s.ordinal() >= cap.ordinal() ? s : cap;
    }

    // ---- lazily read document ------------------------------------------------------------

    /**
     * The last document read on this thread: a blob's live and inline-allowed matches are
     * assembled apart, and a delta child whose changes may make a credential is assembled for that
     * verdict and again when it is read whole. Its structure is read once.
     */
    private final ThreadLocal<Document[]> lastDocument = ThreadLocal.withInitial(() -> new Document[1]);
    /** Longest text whose document is kept for the next assembly (a thread keeps one). */
    private static final int DOCUMENT_KEPT_MAX = 1 << 20;

    /**
     * The thread's last document when it was read from the same path and text (compared, not
     * hashed: a hash reads every char of a text that is seldom the same).
     */
    private Document document(String path, String text) {
        if (text.length() > DOCUMENT_KEPT_MAX) {
            return new Document(path, text);
        }
        Document[] last = lastDocument.get();
        Document d = last[0];
        if (d == null || !java.util.Objects.equals(d.path, path) || !d.source.equals(text)) {
            d = new Document(path, text);
            last[0] = d;
        }
        return d;
    }

    private final class Document {
        final DocumentView view;
        private final String path;
        /** The text the document was read from (the view differs for a notebook). */
        private final String source;
        private ScopeIndex scopes;
        private Set<String> libraryProviders;
        private Boolean mentionsTestnet;
        /** Per scope id: whether its lines mark a testnet (a big block holds many matches). */
        private final Map<Integer, Boolean> testnetScopes = new java.util.HashMap<>();
        /** Per field value: the providers whose distinctive shape it has (a root scope holds thousands). */
        private final Map<String, List<String>> distinctive = new java.util.HashMap<>();

        Document(String path, String text) {
            this.path = path;
            this.source = text;
            this.view = DocumentView.of(path, text);
        }

        ScopeIndex scopes() {
            if (scopes == null) {
                scopes = ScopeIndex.of(path, view, data.constructors());
            }
            return scopes;
        }

        boolean scopeMarksTestnet(Scope scope) {
            return testnetScopes.computeIfAbsent(scope.id,
                    k -> matchesAny(data.testnet(), view.lines(scope.startLine, scope.endLine + 5)));
        }

        List<String> distinctiveProviders(String value) {
            return distinctive.computeIfAbsent(value, v -> {
                List<Candidate> found = new ArrayList<>();
                distinctive(v, found);
                return found.stream().map(Candidate::provider).toList();
            });
        }

        private Set<String> namedProviders;
        private Boolean harmlessPath;

        /** A lock file or minified bundle: see {@link AttributionData#harmlessPaths}. */
        boolean harmlessPath() {
            if (harmlessPath == null) {
                harmlessPath = matchesAny(data.harmlessPaths(), path);
            }
            return harmlessPath;
        }

        /**
         * The providers whose alias the document's or its path's letters and digits spell (case
         * folded, everything else left out): a superset of those its tokens and values name.
         */
        Set<String> namedProviders() {
            if (namedProviders == null) {
                Set<String> found = new java.util.HashSet<>();
                searchAliases(view.searchable(), view.text, found);
                searchAliases(Latin1.exactly(path), path, found);
                namedProviders = found;
            }
            return namedProviders;
        }

        /** The aliases in a text, read from its bytes of one char each when it has them (else its letters and digits). */
        private void searchAliases(byte[] oneEach, String text, Set<String> found) {
            byte[] bytes = oneEach != null ? oneEach : lettersAndDigits(text);
            aliasSearch.scan(bytes, 0, bytes.length, (k, end) -> found.add(aliasProvider[k]));
        }

        /**
         * The text's letters and digits that fold to ASCII ('İ' is an 'i' to {@link Names}), in
         * order, everything else left out: what the alias search reads of a text past Latin-1.
         */
        private static byte[] lettersAndDigits(String s) {
            byte[] b = new byte[s.length()];
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                char lower = Character.toLowerCase(c);
                if (Character.isLetterOrDigit(c) && lower < 128) {
                    b[n++] = (byte) lower;
                }
            }
            return java.util.Arrays.copyOf(b, n);
        }

        /** Whether any testnet word occurs at all: most documents are spared the marker patterns. */
        boolean mentionsTestnet() {
            if (mentionsTestnet == null) {
                byte[] bytes = testnetSearch == null ? null : view.searchable();
                if (bytes != null) {
                    boolean[] any = new boolean[1];
                    testnetSearch.scan(bytes, 0, bytes.length, (k, end) -> any[0] = true);
                    mentionsTestnet = any[0];
                } else {
                    String lower = view.text.toLowerCase(java.util.Locale.ROOT);
                    mentionsTestnet = data.testnetWords().stream().anyMatch(lower::contains) || lower.contains("test.");
                }
            }
            return mentionsTestnet;
        }

        /** Providers the document's library calls and imports name ({@code ccxt.kraken(}, {@code from binance.client import}). */
        Set<String> libraryProviders() {
            if (libraryProviders == null) {
                Set<String> found = new LinkedHashSet<>();
                namedBy(data.constructors(), found);
                namedBy(data.imports(), found);
                libraryProviders = found;
            }
            return libraryProviders;
        }

        /** Adds the providers that group 1 of the patterns' matches in the text names. */
        private void namedBy(List<Pattern> patterns, Set<String> found) {
            for (Pattern p : patterns) {
                Matcher m = p.matcher(view.text);
                while (m.find()) {
                    String provider = aliasOfValue(m.group(1));
                    if (provider != null) {
                        found.add(provider);
                    }
                }
            }
        }
    }

}
