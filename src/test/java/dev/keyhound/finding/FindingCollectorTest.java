package dev.keyhound.finding;

import static dev.keyhound.finding.Fixtures.alnum;
import static dev.keyhound.finding.Fixtures.exchangePair;
import static dev.keyhound.finding.Fixtures.file;
import static dev.keyhound.finding.Fixtures.gitBlob;
import static dev.keyhound.finding.Fixtures.hex40;
import static dev.keyhound.finding.Fixtures.prov;
import static dev.keyhound.finding.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Match;
import dev.keyhound.rules.Severity;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FindingCollectorTest {
    private final Random rnd = new Random(new SecureRandom().nextLong());

    @Test
    void oneSecretInManyBlobsIsOneFindingWithProvenanceOldestFirst() {
        String tok = alnum(rnd, 40);
        String b1 = hex40(rnd);
        String b2 = hex40(rnd);
        FindingCollector c = new FindingCollector(10);
        c.add(gitBlob("app/config.py", b2), List.of(token(tok, 7)));
        c.add(gitBlob("app/config.py", b1), List.of(token(tok, 3)));

        Fixtures.FakeLookup lookup = new Fixtures.FakeLookup();
        lookup.intro.put(b1, List.of(prov("c1", "Alice", "2021-01-01T00:00:00Z", "app/config.py")));
        lookup.intro.put(b2, List.of(prov("c2", "Bob", "2022-06-01T00:00:00Z", "app/config.py")));
        lookup.head.add(b2);

        List<Finding> fs = c.findings(lookup);
        assertEquals(1, fs.size());
        Finding f = fs.get(0);
        assertEquals(Fingerprint.of(Fixtures.TOKEN_RULE, tok), f.fingerprint());
        assertEquals(2, f.seenCount());
        assertEquals("c1", f.seenAt().get(0).provenance().commitId());
        assertEquals(3, f.seenAt().get(0).line());
        assertEquals("c2", f.seenAt().get(1).provenance().commitId());
        assertEquals("c1", f.primary().location().provenance().commitId(), "parts take the first place");
        assertEquals(Boolean.TRUE, f.stillInHead());
        assertNull(f.suppression());
        // one batched question to the lookup, holding both blobs
        assertEquals(1, lookup.asked.size());
        assertEquals(java.util.Set.of(b1, b2), lookup.asked.get(0));
    }

    @Test
    void blobAtSeveralPathsGivesSeveralLocations() {
        String tok = alnum(rnd, 40);
        String blob = hex40(rnd);
        FindingCollector c = new FindingCollector(10);
        c.add(gitBlob("a/first.env", blob), List.of(token(tok, 1)));
        Fixtures.FakeLookup lookup = new Fixtures.FakeLookup();
        lookup.intro.put(blob, List.of(
                prov("c9", "Bob", "2023-01-01T00:00:00Z", "z/copy.env"),
                prov("c1", "Alice", "2020-01-01T00:00:00Z", "a/first.env"),
                prov("c5", "Carol", "2023-01-01T00:00:00Z", "b/copy.env")));
        Finding f = c.findings(lookup).get(0);
        assertEquals(3, f.seenCount());
        assertEquals(List.of("a/first.env", "b/copy.env", "z/copy.env"),
                f.seenAt().stream().map(Location::path).toList(), "by date, then path");
        assertEquals(Boolean.FALSE, f.stillInHead());
    }

    @Test
    void capKeepsTheFirstPlacesButCountsAllAndChecksHeadForEveryBlob() {
        String tok = alnum(rnd, 40);
        FindingCollector c = new FindingCollector(2);
        Fixtures.FakeLookup lookup = new Fixtures.FakeLookup();
        String last = null;
        for (int i = 0; i < 6; i++) {
            String blob = hex40(rnd);
            c.add(gitBlob("f.env", blob), List.of(token(tok, 1 + i)));
            lookup.intro.put(blob, List.of(prov("c" + i, "A", "202" + i + "-01-01T00:00:00Z", "f.env")));
            last = blob;
        }
        lookup.head.add(last); // only the newest version is in HEAD, far beyond the cap
        Finding f = c.findings(lookup).get(0);
        assertEquals(2, f.seenAt().size());
        assertEquals(6, f.seenCount());
        assertEquals(List.of("c0", "c1"), f.seenAt().stream().map(l -> l.provenance().commitId()).toList());
        assertEquals(Boolean.TRUE, f.stillInHead());
    }

    @Test
    void withoutLookupThereIsNoProvenanceAndNoHeadAnswer() {
        String tok = alnum(rnd, 40);
        FindingCollector c = new FindingCollector(5);
        c.add(file("b.txt"), List.of(token(tok, 4)));
        c.add(file("a.txt"), List.of(token(tok, 9)));
        Finding f = c.findings(null).get(0);
        assertNull(f.stillInHead());
        assertEquals(2, f.seenCount());
        assertEquals("a.txt", f.primary().location().path(), "undated places sort by path");
        assertNull(f.primary().location().provenance());
        assertEquals("API_TOKEN = \"" + tok + "\"", f.primary().location().lineText());
    }

    @Test
    void credentialPartsKeepTheirOwnLocations() {
        String key = alnum(rnd, 64);
        String secret = alnum(rnd, 64);
        FindingCollector c = new FindingCollector(5);
        c.add(file(".env"), List.of(exchangePair(key, secret, 10)));
        Finding f = c.findings(null).get(0);
        assertEquals(2, f.parts().size());
        assertEquals("key", f.parts().get(0).part());
        assertEquals(10, f.parts().get(0).location().line());
        assertEquals("secret", f.parts().get(1).part());
        assertEquals(11, f.parts().get(1).location().line());
        assertEquals(secret, f.parts().get(1).secret());
        assertEquals(Fixtures.EXCHANGE, f.provider());
    }

    @Test
    void inlineAllowedOnlyWhenEveryPlaceIsAllowed() {
        String tok = alnum(rnd, 40);
        Match m = token(tok, 1).primary();
        Credential allowed = new Credential("generic", Severity.HIGH, List.of(m), true);
        FindingCollector onlyAllowed = new FindingCollector(5);
        onlyAllowed.add(file("a"), List.of(allowed));
        assertEquals("inline", onlyAllowed.findings(null).get(0).suppression());

        FindingCollector mixed = new FindingCollector(5);
        mixed.add(file("a"), List.of(allowed));
        mixed.add(file("b"), List.of(Credential.of(m)));
        assertNull(mixed.findings(null).get(0).suppression(), "allowed in one file, leaked in another");
    }

    @Test
    void sortsBySeverityThenPathThenLine() {
        FindingCollector c = new FindingCollector(5);
        Credential low = Credential.of(Fixtures.match(Fixtures.TOKEN_RULE, "generic", "token", Severity.LOW,
                "T", alnum(rnd, 30), 1));
        c.add(file("a.txt"), List.of(low));
        c.add(file("z.txt"), List.of(token(alnum(rnd, 30), 5)));
        c.add(file("m.txt"), List.of(token(alnum(rnd, 30), 9), token(alnum(rnd, 30), 2)));
        c.add(file("z.txt"), List.of(exchangePair(alnum(rnd, 64), alnum(rnd, 64), 3)));
        List<String> order = c.findings(null).stream()
                .map(f -> f.severity() + " " + f.primary().location().path() + ":" + f.primary().location().line())
                .toList();
        assertEquals(List.of("CRITICAL z.txt:3", "HIGH m.txt:2", "HIGH m.txt:9", "HIGH z.txt:5", "LOW a.txt:1"), order);
    }

    @Test
    void mostSevereOccurrenceDecidesSeverity() {
        String tok = alnum(rnd, 30);
        FindingCollector c = new FindingCollector(5);
        c.add(file("a"), List.of(Credential.of(Fixtures.match(Fixtures.TOKEN_RULE, "generic", "token",
                Severity.INFO, "T", tok, 1).withAttribution("generic", "token", Severity.INFO, "public example"))));
        c.add(file("b"), List.of(token(tok, 1)));
        Finding f = c.findings(null).get(0);
        assertEquals(Severity.HIGH, f.severity());
        assertNull(f.note());
    }

    @Test
    void rangeScanTakesTheIntroductionInItsCommit() {
        String tok = alnum(rnd, 40);
        String blob = hex40(rnd);
        FindingCollector c = new FindingCollector(5);
        c.add(new Blob(new Origin(Origin.Kind.GIT_RANGE, "s.env", blob, "c2"), new byte[0]), List.of(token(tok, 2)));
        Fixtures.FakeLookup lookup = new Fixtures.FakeLookup();
        lookup.intro.put(blob, List.of(prov("c1", "Alice", "2020-01-01T00:00:00Z", "s.env"),
                prov("c2", "Bob", "2021-01-01T00:00:00Z", "s.env")));
        Finding f = c.findings(lookup).get(0);
        assertEquals(1, f.seenCount());
        assertEquals("c2", f.primary().location().provenance().commitId());
    }

    @Test
    void rangeScanFallsBackToACommitKeyedLookup() {
        String tok = alnum(rnd, 40);
        String blob = hex40(rnd);
        String commit = hex40(rnd);
        FindingCollector c = new FindingCollector(5);
        c.add(new Blob(new Origin(Origin.Kind.GIT_RANGE, "s.env", blob, commit), new byte[0]), List.of(token(tok, 2)));
        Fixtures.FakeLookup lookup = new Fixtures.FakeLookup();
        lookup.intro.put(commit, List.of(new Provenance(commit, "Bob", null, null, null)));
        Finding f = c.findings(lookup).get(0);
        assertEquals(commit, f.primary().location().provenance().commitId());
        assertEquals("s.env", f.primary().location().path(), "a provenance without path keeps the blob's path");
        assertEquals(2, lookup.asked.size());
    }

    @Test
    void concurrentAddsGiveTheSameFindingsAsSequentialOnes() throws Exception {
        List<Blob> blobs = new ArrayList<>();
        List<List<Credential>> creds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(alnum(rnd, 32));
        }
        Fixtures.FakeLookup lookup = new Fixtures.FakeLookup();
        for (int i = 0; i < 400; i++) {
            String blob = hex40(rnd);
            blobs.add(gitBlob("dir" + (i % 7) + "/f.env", blob));
            creds.add(List.of(token(tokens.get(i % 20), 1 + i % 13), token(tokens.get((i * 7) % 20), 40)));
            lookup.intro.put(blob, List.of(prov(hex40(rnd), "A", "2020-01-01T00:00:00Z", "dir" + (i % 7) + "/f.env")));
        }
        FindingCollector sequential = new FindingCollector(3);
        for (int i = 0; i < blobs.size(); i++) {
            sequential.add(blobs.get(i), creds.get(i));
        }
        FindingCollector parallel = new FindingCollector(3);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : order) {
                futures.add(pool.submit(() -> parallel.add(blobs.get(i), creds.get(i))));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Finding> a = sequential.findings(lookup);
        List<Finding> b = parallel.findings(lookup);
        assertEquals(20, a.size());
        assertEquals(a, b);
        assertEquals(400 * 2, a.stream().mapToInt(Finding::seenCount).sum());
    }

    @Test
    void rejectsACapBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new FindingCollector(0));
        assertTrue(new FindingCollector(1).isEmpty());
        assertFalse(new FindingCollector(1).findings(null).iterator().hasNext());
    }
}
