package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.gliwka.hyperscan.jni.hs_database_t;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled Hyperscan databases kept between runs: found where the environment says, read back
 * only when whole, identical to what was compiled, and never a reason for a scan to fail.
 */
class HyperscanCacheTest {
    @TempDir
    Path tmp;

    @Test
    void isKeptWhereTheEnvironmentSays() {
        Map<String, String> env = Map.of("KEYHOUND_CACHE_DIR", "/env/cache", "XDG_CACHE_HOME", "/xdg");
        assertEquals(Path.of("/prop/hyperscan"), HyperscanCache.directory("/prop", env, "Linux", "/home/u"));
        assertEquals(Path.of("/env/cache/hyperscan"), HyperscanCache.directory(null, env, "Linux", "/home/u"));
        assertNull(HyperscanCache.directory("off", env, "Linux", "/home/u"));
        assertNull(HyperscanCache.directory(null, Map.of("KEYHOUND_CACHE_DIR", "OFF"), "Linux", "/home/u"));
        assertNull(HyperscanCache.directory(null, Map.of("KEYHOUND_CACHE_DIR", ""), "Linux", "/home/u"));
        assertEquals(Path.of("/xdg/keyhound/hyperscan"),
                HyperscanCache.directory(null, Map.of("XDG_CACHE_HOME", "/xdg"), "Linux", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/keyhound/hyperscan"), HyperscanCache.directory(null, Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Caches/keyhound/hyperscan"),
                HyperscanCache.directory(null, Map.of("XDG_CACHE_HOME", "/xdg"), "Mac OS X", "/Users/u"));
        assertEquals(Path.of("C:/Users/u/AppData/Local/keyhound/hyperscan"),
                HyperscanCache.directory(null, Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), "Windows 11", "C:/Users/u"));
        assertNull(HyperscanCache.directory(null, Map.of(), "Linux", null));
    }

    @Test
    void readsBackWhatItStoredAndNothingDamaged() throws Exception {
        HyperscanCache cache = new HyperscanCache(tmp.resolve("hs"));
        byte[] db = new byte[5000];
        new Random(7).nextBytes(db);
        assertNull(cache.load("k1"), "nothing kept yet");
        cache.store("k1", db);
        assertArrayEquals(db, cache.load("k1"));
        assertNull(cache.load("k2"), "another key");

        Path file = cache.fileFor("k1");
        byte[] kept = Files.readAllBytes(file);
        kept[kept.length - 1] ^= 1;
        Files.write(file, kept);
        assertNull(cache.load("k1"), "a flipped bit");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 100));
        assertNull(cache.load("k1"), "a cut file");
        Files.write(file, new byte[0]);
        assertNull(cache.load("k1"), "an empty file");

        cache.store("k1", db);
        assertArrayEquals(db, cache.load("k1"), "stored again over the damaged file");
        try (var files = Files.list(tmp.resolve("hs"))) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void offOrUnwritableMeansNoCacheAndNoFailure() throws Exception {
        HyperscanCache off = new HyperscanCache(null);
        assertFalse(off.enabled());
        off.store("k", new byte[] {1, 2, 3});
        assertNull(off.load("k"));

        Path aFile = Files.writeString(tmp.resolve("not-a-dir"), "x");
        HyperscanCache blocked = new HyperscanCache(aFile.resolve("hyperscan"));
        blocked.store("k", new byte[] {1, 2, 3});
        assertNull(blocked.load("k"));
        assertEquals("x", Files.readString(aFile));
    }

    @Test
    void aDatabaseReadBackIsTheOneCompiled() throws Exception {
        assumeTrue(HyperscanGate.available(), "no Hyperscan library for this platform");
        for (Rule rule : RuleSet.builtIn().rules()) {
            if (rule.regex() == null) {
                continue;
            }
            hs_database_t compiled = HyperscanGate.compileFresh(rule.regex().pattern()).orElseThrow();
            byte[] bytes = HyperscanGate.serialize(compiled);
            assertNotNull(bytes, rule.id());
            hs_database_t read = HyperscanGate.deserialize(bytes);
            assertNotNull(read, rule.id());
            assertArrayEquals(bytes, HyperscanGate.serialize(read), rule.id());
        }
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        assertNull(HyperscanGate.deserialize(garbage), "bytes that are no database");
    }

    @Test
    void theGateKeepsEveryDatabaseItUses() throws Exception {
        assumeTrue(HyperscanGate.available(), "no Hyperscan library for this platform");
        HyperscanCache cache = HyperscanGate.Kept.CACHE;
        assumeTrue(cache.enabled(), "the cache is off in this run");
        Rule[] rules = RuleSet.builtIn().rules().toArray(new Rule[0]);
        HyperscanGate gate = HyperscanGate.forRules(rules);
        List<String> notKept = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].regex() != null) {
                assertTrue(gate.judges(i), rules[i].id());
                Path file = cache.fileFor(HyperscanGate.cacheKey(rules[i].regex().pattern()));
                if (!Files.isRegularFile(file) || cache.load(HyperscanGate.cacheKey(rules[i].regex().pattern())) == null) {
                    notKept.add(rules[i].id());
                }
            }
        }
        assertEquals(List.of(), notKept);
    }
}
