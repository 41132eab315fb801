package dev.keyhound.finding;

import com.google.re2j.Pattern;
import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Match;
import dev.keyhound.rules.ProviderInfo;
import dev.keyhound.rules.Revoke;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.rules.Severity;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test data built in code: a made-up exchange provider and rules, and credentials whose values are
 * generated at run time (never a credential-shaped literal in the repository).
 */
public final class Fixtures {
    public static final String EXCHANGE = "acmex";
    public static final String KEY_RULE = "acmex-api-key";
    public static final String SECRET_RULE = "acmex-api-secret";
    public static final String TOKEN_RULE = "generic-api-token";
    public static final String REVOKE_URL = "https://acmex.example/account/api-management";

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Fixtures() {
    }

    public static RuleSet rules() {
        Revoke revoke = new Revoke(REVOKE_URL, List.of(
                "Delete the key on the API management page.",
                "Create a replacement with trading only: withdrawals off, IP whitelist on."));
        return RuleSet.of(List.of(
                        rule(KEY_RULE, "AcmeX API key", EXCHANGE, "key", Severity.CRITICAL, revoke),
                        rule(SECRET_RULE, "AcmeX API secret", EXCHANGE, "secret", Severity.CRITICAL, revoke),
                        rule(TOKEN_RULE, "Generic API token", "generic", "token", Severity.HIGH, null)),
                List.of(),
                Map.of(EXCHANGE, new ProviderInfo(EXCHANGE, "AcmeX", "exchange", "active", revoke)));
    }

    static Rule rule(String id, String description, String provider, String part, Severity severity, Revoke revoke) {
        return new Rule(id, description, Pattern.compile("x"), 0, null, List.of(), null, List.of("exchange"),
                List.of(), provider, part, severity, revoke, List.of("https://acmex.example/docs/api"), null,
                List.of(), List.of(), "test");
    }

    public static String alnum(Random r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ALNUM.charAt(r.nextInt(ALNUM.length()));
        }
        return new String(c);
    }

    /** A match of the secret on a line "NAME = SECRET" at the given line. */
    public static Match match(String ruleId, String provider, String part, Severity severity, String name,
                              String secret, int line) {
        String text = name + " = \"" + secret + "\"";
        int col = text.indexOf(secret) + 1;
        return new Match(ruleId, provider, part, severity, secret, line, col, col + secret.length(), text, 4.5, null);
    }

    public static Credential exchangePair(String key, String secret, int line) {
        return new Credential(EXCHANGE, Severity.CRITICAL, List.of(
                match(KEY_RULE, EXCHANGE, "key", Severity.CRITICAL, "ACMEX_API_KEY", key, line),
                match(SECRET_RULE, EXCHANGE, "secret", Severity.CRITICAL, "ACMEX_API_SECRET", secret, line + 1)));
    }

    public static Credential token(String token, int line) {
        return Credential.of(match(TOKEN_RULE, "generic", "token", Severity.HIGH, "API_TOKEN", token, line));
    }

    public static Blob gitBlob(String path, String blobId) {
        return new Blob(new Origin(Origin.Kind.GIT_HISTORY, path, blobId, null), new byte[0]);
    }

    public static Blob file(String path) {
        return new Blob(Origin.file(path), new byte[0]);
    }

    public static String hex40(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }

    public static Provenance prov(String commit, String author, String date, String path) {
        return new Provenance(commit, author, author.toLowerCase() + "@example.com", Instant.parse(date), path);
    }

    /** A lookup answering from fixed maps, remembering what it was asked. */
    public static final class FakeLookup implements ProvenanceLookup {
        public final Map<String, List<Provenance>> intro = new HashMap<>();
        public final Set<String> head = new TreeSet<>();
        public final List<Set<String>> asked = new java.util.ArrayList<>();

        @Override
        public Map<String, List<Provenance>> introductions(Set<String> blobIds) {
            asked.add(Set.copyOf(blobIds));
            Map<String, List<Provenance>> out = new HashMap<>();
            for (String id : blobIds) {
                if (intro.containsKey(id)) {
                    out.put(id, intro.get(id));
                }
            }
            return out;
        }

        @Override
        public Set<String> presentInHead(Set<String> blobIds) {
            Set<String> out = new TreeSet<>(blobIds);
            out.retainAll(head);
            return out;
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
