package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.DeltaFrom;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading a delta-rebuilt blob from its base: the engine's answer must be the whole read's. */
class DeltaReadingTest {
    private static final Engine ENGINE = engine();

    private static Engine engine() {
        try {
            return new Engine(RuleSet.builtIn(), new EngineOptions(true, false));
        } catch (dev.keyhound.rules.RuleFileException e) {
            throw new IllegalStateException(e);
        }
    }
    private final Random random = new Random();

    /** A Bitget pair in a config block, far below and above plenty of keyword-rich code. */
    private String base(String key, String secret) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("    params = {\"listenKey\": listen_key, \"api_key\": self.api_key}  # row ").append(i).append('\n');
        }
        sb.append("BITGET = {\n    \"apiKey\": \"").append(key).append("\",\n    \"secret\": \"").append(secret).append("\",\n}\n");
        for (int i = 0; i < 40; i++) {
            sb.append("def call_").append(i).append("(self, token=None):\n    return self._get(\"/api/v1/key\")\n");
        }
        return sb.toString();
    }

    private static Blob blob(String id, String text, DeltaFrom delta) {
        return new Blob(new Origin(Origin.Kind.GIT_HISTORY, "exchange/config.py", id, null),
                text.getBytes(StandardCharsets.UTF_8), null, delta);
    }

    /** The child as base[0, at) + inserted + base[at + removed, end), with the copy runs a delta would have. */
    private static DeltaFrom edit(String base, int at, int removed, String inserted) {
        int tail = at + removed;
        int[] copies = {0, 0, at, at + inserted.length(), tail, base.length() - tail};
        return new DeltaFrom("base", copies);
    }

    private static String edited(String base, int at, int removed, String inserted) {
        return base.substring(0, at) + inserted + base.substring(at + removed);
    }

    @Test
    void anEditFarFromTheSecretsInheritsThemAtTheirNewLines() {
        String key = "bg_" + ExampleTemplate.expand("{{hex:32}}", random);
        String secret = ExampleTemplate.expand("{{hex:64}}", random);
        String base = base(key, secret);
        Detection detected = ENGINE.detection(blob("base", base, null));
        assertEquals(1, detected.credentials().size(), "the pair is one credential");

        int at = base.indexOf("def call_30");
        String inserted = "def added(self):\n    return self.api_key\n";
        String child = edited(base, at, 0, inserted);
        Blob childBlob = blob("child", child, edit(base, at, 0, inserted));
        Detection inherited = ENGINE.fromBase(childBlob, detected);
        assertNotNull(inherited, "nothing that could be reported changed");
        assertEquals(ENGINE.detection(childBlob).credentials(), inherited.credentials());

        at = base.indexOf("    params");
        inserted = "import os\nimport sys\n";
        child = edited(base, at, 0, inserted);
        childBlob = blob("child", child, edit(base, at, 0, inserted));
        inherited = ENGINE.fromBase(childBlob, detected);
        assertNotNull(inherited);
        assertEquals(ENGINE.detection(childBlob).credentials(), inherited.credentials());
        assertEquals(detected.credentials().get(0).primary().line() + 2, inherited.credentials().get(0).primary().line(),
                "two lines inserted above move the secret down two lines");
    }

    @Test
    void anEditedSecretOrANewOneNearAChangeIsReadWhole() {
        String key = "bg_" + ExampleTemplate.expand("{{hex:32}}", random);
        String secret = ExampleTemplate.expand("{{hex:64}}", random);
        String base = base(key, secret);
        Detection detected = ENGINE.detection(blob("base", base, null));

        int at = base.indexOf(secret);
        String other = ExampleTemplate.expand("{{hex:64}}", random);
        Blob changedSecret = blob("child", edited(base, at, secret.length(), other), edit(base, at, secret.length(), other));
        assertNull(ENGINE.fromBase(changedSecret, detected), "a part whose line changed cannot be inherited");

        at = base.indexOf("def call_30");
        String added = "TELEGRAM_BOT_TOKEN = \"" + ExampleTemplate.expand("{{digits:10}}", random) + ":AA"
                + ExampleTemplate.expand("{{alnum:33}}", random) + "\"\n";
        Blob newSecret = blob("child", edited(base, at, 0, added), edit(base, at, 0, added));
        assertTrue(ENGINE.detection(newSecret).credentials().size() > 1, "the whole read finds the new token");
        assertNull(ENGINE.fromBase(newSecret, detected), "a reportable match in changed lines needs a whole read");
    }

    /**
     * Windows are read around keyword hits, and a change may lie after a hit it leaves as it was:
     * the value after an unchanged name, filled in. The child's hits are all outside the change.
     */
    @Test
    void aValueFilledInAfterAnUnchangedNameIsReadWhole() {
        String key = "bg_" + ExampleTemplate.expand("{{hex:32}}", random);
        String secret = ExampleTemplate.expand("{{hex:64}}", random);
        String line = "OKX = os.getenv(\"OKX_SECRET_KEY\", \"\")\n";
        String base = base(key, secret).replace("def call_30", line + "def call_30");
        Detection detected = ENGINE.detection(blob("base", base, null));
        assertEquals(1, detected.credentials().size());

        int at = base.indexOf(line) + line.length() - 3; // between the empty default's quotes
        String value = ExampleTemplate.expand("{{HEX:32}}", random);
        Blob filled = blob("child", edited(base, at, 0, value), edit(base, at, 0, value));
        assertEquals(2, ENGINE.detection(filled).credentials().size(), "the whole read finds the default");
        assertNull(ENGINE.fromBase(filled, detected), "a reportable match after an unchanged name needs a whole read");
    }

    @Test
    void aDeletedCredentialIsDroppedAndKeywordNoiseInTheChangeIsNot() {
        String key = "bg_" + ExampleTemplate.expand("{{hex:32}}", random);
        String secret = ExampleTemplate.expand("{{hex:64}}", random);
        String base = base(key, secret);
        Detection detected = ENGINE.detection(blob("base", base, null));

        int from = base.indexOf("BITGET = {");
        int to = base.indexOf("}\n", from) + 2;
        String noise = "    params = {\"listenKey\": listenKey}\n    api_key = os.getenv(\"API_KEY\")\n";
        Blob deleted = blob("child", edited(base, from, to - from, noise), edit(base, from, to - from, noise));
        Detection d = ENGINE.fromBase(deleted, detected);
        assertNotNull(d, "names assigned non-secrets are not reportable");
        assertEquals(List.of(), d.credentials());
        assertEquals(List.of(), ENGINE.detection(deleted).credentials());
    }

    @Test
    void partsOfNonAsciiTextAreInheritedByTheirByteOffsets() {
        String key = "bg_" + ExampleTemplate.expand("{{hex:32}}", random);
        String secret = ExampleTemplate.expand("{{hex:64}}", random);
        String base = "# café, naïve, ✓ — 日本語\n" + base(key, secret);
        Detection detected = ENGINE.detection(blob("base", base, null));
        assertNotNull(detected.spans(), "UTF-8 text has byte offsets too");
        byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("def call_30");
        String inserted = "# ünïcödé\n";
        byte[] ins = inserted.getBytes(StandardCharsets.UTF_8);
        byte[] child = new byte[bytes.length + ins.length];
        System.arraycopy(bytes, 0, child, 0, at);
        System.arraycopy(ins, 0, child, at, ins.length);
        System.arraycopy(bytes, at, child, at + ins.length, bytes.length - at);
        Blob childBlob = new Blob(new Origin(Origin.Kind.GIT_HISTORY, "exchange/config.py", "child", null), child, null,
                new DeltaFrom("base", new int[] {0, 0, at, at + ins.length, at, bytes.length - at}));
        Detection inherited = ENGINE.fromBase(childBlob, detected);
        assertNotNull(inherited);
        assertEquals(ENGINE.detection(childBlob).credentials(), inherited.credentials());
        assertArrayEquals(ENGINE.detection(childBlob).spans(), inherited.spans());
    }

    /** Keyword-rich lines no rule reports, numbered so that each is unique. */
    private static String filler(int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            sb.append("    params = {\"listenKey\": listen_key, \"api_key\": self.api_key}  # row ").append(i).append('\n');
        }
        return sb.toString();
    }

    private String githubToken() {
        return "ghp_" + ExampleTemplate.expand("{{alnum:36}}", random);
    }

    private String telegramToken() {
        return ExampleTemplate.expand("{{digits:10}}", random) + ":AA" + ExampleTemplate.expand("{{alnum:33}}", random);
    }

    /**
     * Found by DeltaHistoryEquivalenceTest: a multi-line match (a PEM key) that a change completes
     * far below the rule's keyword (the BEGIN line) was missed when only the changed lines were
     * prefiltered.
     */
    @Test
    void aKeyCompletedFarBelowItsBeginLineIsFound() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String[] body = Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded()).split("\n");
        String stray = "    api_key = os.getenv(\"API_KEY\")\n";
        StringBuilder base = new StringBuilder(filler(0, 10)).append("PRIVATE_KEY = \"\"\"-----BEGIN PRIVATE KEY-----\n");
        int at = -1;
        for (int i = 0; i < body.length; i++) {
            if (i == 15) {
                at = base.length();
                base.append(stray); // a line pasted into the key's body, 16 lines below BEGIN
            }
            base.append(body[i]).append('\n');
        }
        base.append("-----END PRIVATE KEY-----\"\"\"\n").append(filler(10, 10));
        Detection broken = ENGINE.detection(blob("base", base.toString(), null));
        assertEquals(List.of(), broken.credentials(), "a key with a foreign line in its body is no key");

        Blob fixed = blob("child", edited(base.toString(), at, stray.length(), ""), edit(base.toString(), at, stray.length(), ""));
        List<Credential> whole = ENGINE.detection(fixed).credentials();
        assertEquals(1, whole.size(), "the whole read finds the key once the stray line is gone");
        Detection inherited = ENGINE.fromBase(fixed, broken);
        assertTrue(inherited == null || inherited.credentials().equals(whole),
                "reading in part must find the key too (or read the blob whole), got " + (inherited == null ? null : inherited.credentials()));
    }

    /**
     * Found by DeltaHistoryEquivalenceTest: DeltaScan.relined sorts the inherited credentials by
     * line, but inherit keeps their spans in the base's order. When a delta moves one credential
     * past another, the next delta in the chain maps each part by another part's span.
     */
    @Test
    void aChainAfterAMoveKeepsEachPartAtItsOwnLine() {
        String first = filler(0, 20) + "GITHUB_TOKEN = \"" + githubToken() + "\"\n" + filler(20, 20);
        String second = filler(40, 20) + "TELEGRAM_BOT_TOKEN = \"" + telegramToken() + "\"\n" + filler(60, 20);
        String base = first + second;
        Detection detected = ENGINE.detection(blob("base", base, null));
        assertEquals(2, detected.credentials().size());

        // the two halves swap places: both tokens copied whole, the Telegram one now first
        String moved = second + first;
        Blob child = blob("child", moved, new DeltaFrom("base",
                new int[] {0, first.length(), second.length(), second.length(), 0, first.length()}));
        Detection inherited = ENGINE.fromBase(child, detected);
        assertNotNull(inherited, "both tokens and the lines around them were copied whole");
        assertEquals(ENGINE.detection(child).credentials(), inherited.credentials());

        String inserted = "import os\n";
        Blob grandchild = new Blob(new Origin(Origin.Kind.GIT_HISTORY, "exchange/config.py", "grandchild", null),
                edited(moved, 0, 0, inserted).getBytes(StandardCharsets.UTF_8), null,
                new DeltaFrom("child", edit(moved, 0, 0, inserted).copies()));
        Detection again = ENGINE.fromBase(grandchild, inherited);
        assertNotNull(again);
        assertEquals(ENGINE.detection(grandchild).credentials(), again.credentials(),
                "one line inserted on top moves each token down one line");
    }

    /**
     * Found by DeltaHistoryEquivalenceTest: with keepAllowed, the engine lists the live credentials
     * (by line) and then the inline-allowed ones (by line); inherited credentials are all sorted by line.
     */
    @Test
    void anAllowedCredentialAboveALiveOneKeepsTheEnginesOrder() {
        String base = filler(0, 20) + "GITHUB_TOKEN = \"" + githubToken() + "\"  # keyhound:allow\n" + filler(20, 20)
                + "TELEGRAM_BOT_TOKEN = \"" + telegramToken() + "\"\n" + filler(40, 20);
        Detection detected = ENGINE.detection(blob("base", base, null));
        assertEquals(2, detected.credentials().size());
        assertTrue(detected.credentials().get(1).allowedInline(), "the allowed token is listed last");

        String inserted = "import os\n";
        Blob child = blob("child", edited(base, 0, 0, inserted), edit(base, 0, 0, inserted));
        Detection inherited = ENGINE.fromBase(child, detected);
        assertNotNull(inherited);
        assertEquals(ENGINE.detection(child).credentials(), inherited.credentials());
    }

    @Test
    void changesAreInsertedBytesAndSeamsWidenedToLines() {
        byte[] child = "l1\nl2\nl3\nl4\nl5\nl6\nl7\n".getBytes(StandardCharsets.US_ASCII);
        // l1-l3 copied, "l4\n" inserted, l5-l7 copied from elsewhere in the base: no seam at 9..12
        DeltaScan inserted = new DeltaScan(child, new int[] {0, 0, 9, 12, 9, 9});
        assertArrayEquals(new int[] {9, 12}, inserted.changes());
        // two runs that meet here but not in the base: the first byte after the seam changed
        DeltaScan seam = new DeltaScan(child, new int[] {0, 0, 9, 9, 30, 12});
        assertArrayEquals(new int[] {9, 10}, seam.changes());
        // runs that go on in the base too make no seam
        assertArrayEquals(new int[] {}, new DeltaScan(child, new int[] {0, 0, 9, 9, 9, 12}).changes());
    }
}
