package dev.keyhound.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in global allowlist skips third-party code committed by mistake, and only that. */
class BuiltInAllowlistTest {
    private static Engine engine;
    private static String line;

    @BeforeAll
    static void setUp() throws Exception {
        engine = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        byte[] key = new byte[16];
        new Random().nextBytes(key);
        line = "BITGET_API_KEY=bg_" + HexFormat.of().formatHex(key) + "\n";
    }

    private static int found(String path) {
        return engine.detect(new Blob(Origin.file(path), line.getBytes(StandardCharsets.UTF_8))).size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"node_modules/lib/.env", "web/node_modules/x/config.js", ".venv/lib/python3.11/site-packages/pkg/t.py",
            "site-packages/pkg/settings.py", "bower_components/a/b.js", "package-lock.json"})
    void vendoredCodeIsSkipped(String path) {
        assertEquals(0, found(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {".env", "app/.env", "my_node_modules_notes/.env", "venv.md", "src/vendor/keys.py"})
    void theRepositorysOwnFilesAreScanned(String path) {
        assertEquals(1, found(path), path);
    }
}
