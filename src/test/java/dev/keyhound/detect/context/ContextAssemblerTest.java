package dev.keyhound.detect.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Match;
import dev.keyhound.rules.ProviderInfo;
import dev.keyhound.rules.Revoke;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.rules.Severity;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContextAssemblerTest {
    private static final RuleSet RULES = RuleSet.of(List.of(), List.of(), Map.of(
            "ftx", new ProviderInfo("ftx", "FTX", "exchange", "closed", Revoke.NONE),
            "binance", new ProviderInfo("binance", "Binance", "exchange", "active", Revoke.NONE),
            "generic", new ProviderInfo("generic", "Generic", "generic", "active", Revoke.NONE)));
    private final ContextAssembler assembler = new ContextAssembler(RULES);

    private List<Credential> run(String path, String text, Fixture f) {
        return assembler.assemble(new Blob(Origin.file(path), text.getBytes(StandardCharsets.UTF_8)), text, f.matches);
    }

    private static List<String> parts(Credential c) {
        return c.parts().stream().map(Match::part).toList();
    }

    @Test
    void freqtradeSiblingNameAttributesAndPairsGenericMatches() {
        Fixture f = new Fixture(1);
        String key = f.gen("{{base64:56}}");
        String secret = f.gen("{{base64:86}}==");
        String text = "{\n  // live bot\n  \"max_open_trades\": 3,\n  \"exchange\": {\n    \"name\": \"kraken\",\n"
                + "    \"key\": \"" + key + "\",\n    \"secret\": \"" + secret + "\",\n    \"pair_whitelist\": [\"BTC/USD\",],\n  },\n"
                + "  \"telegram\": {\"enabled\": false}\n}\n";
        f.match(text, key, "generic-api-credential", "generic", "secret")
                .match(text, secret, "generic-api-credential", "generic", "secret");
        List<Credential> out = run("user_data/config.json", text, f);
        assertEquals(1, out.size());
        Credential c = out.get(0);
        assertEquals("kraken", c.provider());
        assertEquals(List.of("secret", "key"), parts(c));
        assertEquals(secret, c.primary().secret());
        assertEquals(Severity.CRITICAL, c.severity());
        assertEquals(7, c.primary().line());
    }

    @Test
    void envIdentifierNamesProviderAndLongestAliasWins() {
        Fixture f = new Fixture(2);
        String k = f.gen("{{alnum:64}}");
        String s = f.gen("{{alnum:64}}");
        String text = "BINANCE_US_API_KEY=" + k + "\nBINANCE_US_SECRET_KEY=" + s + "\nLOG_LEVEL=info\n";
        f.match(text, k, "binance-api-credential", "binance", "secret")
                .match(text, s, "binance-api-credential", "binance", "secret")
                .match(text, s, "generic-api-credential", "generic", "secret");
        List<Credential> out = run(".env", text, f);
        assertEquals(1, out.size());
        assertEquals("binanceus", out.get(0).provider());
        assertEquals(List.of("secret", "key"), parts(out.get(0)));
        assertEquals(Severity.CRITICAL, out.get(0).severity());
    }

    @Test
    void ccxtConstructorNamesProviderOfPythonDict() {
        Fixture f = new Fixture(3);
        String key = f.gen("{{uuid}}");
        String secret = f.gen("{{HEX:32}}");
        String pass = f.gen("{{alnum:12}}");
        String text = "import ccxt\n\nexchange = ccxt.okx({\n    'apiKey': '" + key + "',\n    'secret': '" + secret
                + "',\n    'password': '" + pass + "',\n    'enableRateLimit': True,\n})\nprint(exchange.fetch_balance())\n";
        f.match(text, key, "g", "generic", "secret").match(text, secret, "g", "generic", "secret")
                .match(text, pass, "g", "generic", "secret");
        List<Credential> out = run("bot.py", text, f);
        assertEquals(1, out.size());
        assertEquals("okx", out.get(0).provider());
        assertEquals(List.of("secret", "key", "passphrase"), parts(out.get(0)));
    }

    @Test
    void jsConstructorAndGetattrConstructor() {
        Fixture f = new Fixture(4);
        String key = f.gen("{{alnum:18}}");
        String secret = f.gen("{{alnum:36}}");
        String js = "const ccxt = require('ccxt');\nconst ex = new ccxt.bybit({\n  apiKey: '" + key + "',\n  secret: \""
                + secret + "\",\n});\n";
        f.match(js, key, "g", "generic", "secret").match(js, secret, "g", "generic", "secret");
        assertEquals("bybit", run("index.js", js, f).get(0).provider());

        Fixture g = new Fixture(5);
        String gk = g.gen("{{hex:32}}");
        String gs = g.gen("{{hex:64}}");
        String py = "ex = getattr(ccxt, 'gate')({\n    'apiKey': '" + gk + "',\n    'secret': '" + gs + "'})\n";
        g.match(py, gk, "g", "generic", "secret").match(py, gs, "g", "generic", "secret");
        List<Credential> out = run("trade.py", py, g);
        assertEquals(1, out.size());
        assertEquals("gate", out.get(0).provider());
        assertEquals(List.of("secret", "key"), parts(out.get(0)));
    }

    /**
     * Files whose only exchange evidence is an import: path, text with the key and secret as %s,
     * their formats, and what is reported. Two exchanges' libraries name neither; a module path
     * below another package names none.
     */
    static Stream<Arguments> libraryFiles() {
        return Stream.of(
                // python-binance's own README: keys in variables, then Client(api_key, api_secret)
                Arguments.of("bot.py", "from binance.client import Client\n\napi_key = \"%s\"\napi_secret = \"%s\"\n"
                        + "client = Client(api_key, api_secret)\n", "{{alnum:64}}", "{{alnum:64}}", 20, "binance secret,key"),
                Arguments.of("grid.py", "from pybit.unified_trading import HTTP\nKEY = '%s'\nSECRET = '%s'\n"
                        + "session = HTTP(api_key=KEY, api_secret=SECRET)\n", "{{alnum:18}}", "{{alnum:36}}", 21, "bybit secret,key"),
                Arguments.of("account.py", "import os\r\nimport okx.Account as Account\r\nkey = '%s'\r\nsecret = '%s'\r\n",
                        "{{uuid}}", "{{HEX:32}}", 27, "okx secret,key"),
                Arguments.of("index.js", "const Binance = require('binance-api-node').default;\nconst apiKey = '%s';\n"
                        + "const apiSecret = '%s';\n", "{{alnum:64}}", "{{alnum:64}}", 22, "binance secret,key"),
                Arguments.of("bot.ts", "import { RestClient } from 'okx-api';\nconst apiKey = '%s';\nconst apiSecret = '%s';\n",
                        "{{uuid}}", "{{HEX:32}}", 23, "okx secret,key"),
                Arguments.of("main.go", "import (\n\t\"fmt\"\n\tbinance \"github.com/adshao/go-binance/v2\"\n)\n\n"
                        + "var apiKey = \"%s\"\nvar secretKey = \"%s\"\n", "{{alnum:64}}", "{{alnum:64}}", 24, "binance secret,key"),
                Arguments.of("arb.py", "from binance.client import Client\nfrom kucoin.client import Market\n"
                        + "api_key = \"%s\"\napi_secret = \"%s\"\n", "{{alnum:64}}", "{{alnum:64}}", 25, "generic secret,key"),
                Arguments.of("test_connector.py", "from hummingbot.connector.exchange.binance import binance_constants\n"
                        + "api_key = \"%s\"\napi_secret = \"%s\"\n", "{{alnum:64}}", "{{alnum:64}}", 26, "generic secret,key"));
    }

    @ParameterizedTest
    @MethodSource("libraryFiles")
    void anExchangeLibraryImportNamesTheProviderOfTheFile(String path, String template, String keyFormat,
                                                          String secretFormat, long seed, String expected) {
        assertEquals(List.of(expected), providers(path, template, keyFormat, secretFormat, seed));
    }

    /**
     * A key only Deribit's shape fits is Deribit's only where something in the file names Deribit,
     * however far from the key and however spelt (the assembler skips the file's structure when
     * nothing does).
     */
    @Test
    void aValueOnlyOneProviderFitsIsItsWhereverTheFileNamesIt() {
        String pair = "client_id = \"%s\"\nclient_secret = \"%s\"\n";
        String filler = "def other():\n    return 1\n\n".repeat(4);
        assertEquals(List.of("deribit secret,key"), providers("bot.py", "import deribit_api as api\n\n" + filler + pair,
                "{{alnum:9}}", "{{alnum:43}}", 30));
        assertEquals(List.of("deribit secret,key"), providers("bot.py", filler + "# DER\u0130B\u0130T account\n" + pair,
                "{{alnum:9}}", "{{alnum:43}}", 31));
        assertEquals(List.of(), providers("bot.py", filler + "# exchange account\n" + pair,
                "{{alnum:9}}", "{{alnum:43}}", 32).stream().filter(p -> p.startsWith("deribit")).toList());
        // A text past Latin-1 is searched through '?' for such chars: none is a letter of a name.
        assertEquals(List.of("deribit secret,key"), providers("bot.py", filler + "# \u2713 Der\u2713ibit \u20ac\n" + pair,
                "{{alnum:9}}", "{{alnum:43}}", 33));
        assertEquals(List.of(), providers("bot.py", filler + "# \u2713 exchange \u20ac\n" + pair,
                "{{alnum:9}}", "{{alnum:43}}", 34).stream().filter(p -> p.startsWith("deribit")).toList());
    }

    /** "provider parts" of each credential assembled from a key and a secret filled into the template. */
    private List<String> providers(String path, String template, String keyFormat, String secretFormat, long seed) {
        Fixture f = new Fixture(seed);
        String key = f.gen(keyFormat);
        String secret = f.gen(secretFormat);
        String text = template.formatted(key, secret);
        f.match(text, key, "g", "generic", "secret").match(text, secret, "g", "generic", "secret");
        return run(path, text, f).stream().map(c -> c.provider() + " " + String.join(",", parts(c))).toList();
    }

    @Test
    void pathAndCommentAttribution() {
        Fixture f = new Fixture(6);
        String key = f.gen("{{alnum:40}}");
        String secret = f.gen("{{alnum:40}}");
        String ini = "[account]\naccess_key = " + key + "\nsecret_key = " + secret + "\n";
        f.match(ini, key, "g", "generic", "secret").match(ini, secret, "g", "generic", "secret");
        assertEquals("upbit", run("bots/upbit/config.ini", ini, f).get(0).provider());

        Fixture g = new Fixture(7);
        String k = g.gen("{{base64url:43}}");
        String s = g.gen("{{base64url:43}}");
        String py = "# Bitfinex account of the grid bot\nAPI_KEY = \"" + k + "\"\nAPI_SECRET = \"" + s + "\"\n";
        g.match(py, k, "g", "generic", "secret").match(py, s, "g", "generic", "secret");
        List<Credential> out = run("settings.py", py, g);
        assertEquals("bitfinex", out.get(0).provider());
        assertEquals(Severity.CRITICAL, out.get(0).severity());
    }

    @Test
    void testnetContextLowersSeverity() {
        Fixture f = new Fixture(8);
        String key = f.gen("{{alnum:64}}");
        String secret = f.gen("{{alnum:64}}");
        String py = "client = ccxt.binance({\n    'apiKey': '" + key + "',\n    'secret': '" + secret + "',\n"
                + "    'urls': {'api': 'https://testnet.binance.vision/api'},\n})\n";
        f.match(py, key, "g", "generic", "secret").match(py, secret, "g", "generic", "secret");
        Credential c = run("t.py", py, f).get(0);
        assertEquals("binance", c.provider());
        assertEquals(Severity.LOW, c.severity());
        assertEquals("testnet key", c.primary().note());

        // The same in a text past Latin-1 (read through '?' for such chars)
        Fixture g = new Fixture(8);
        String wide = "# \u2713 grid \u20ac\n" + py;
        g.match(wide, key, "g", "generic", "secret").match(wide, secret, "g", "generic", "secret");
        Credential w = run("t.py", wide, g).get(0);
        assertEquals("binance", w.provider());
        assertEquals("testnet key", w.primary().note());
    }

    @Test
    void getenvWithLiteralDefaultIsALeak() {
        Fixture f = new Fixture(9);
        String secret = f.gen("{{HEX:32}}");
        String py = "import os\nSECRET = os.getenv(\"OKX_SECRET_KEY\", \"" + secret + "\")\n";
        f.match(py, secret, "g", "generic", "secret");
        List<Credential> out = run("cfg.py", py, f);
        assertEquals(1, out.size());
        assertEquals("okx", out.get(0).provider());
        assertEquals(Severity.HIGH, out.get(0).severity());
    }

    @Test
    void harmlessContextsAreDropped() {
        Fixture f = new Fixture(10);
        String hash = f.gen("{{hex:64}}");
        String envName = "BINANCE_API_SECRET";
        String sig = f.gen("{{hex:64}}");
        String text = "api_key_hash = \"" + hash + "\"\nsecret = " + envName + "\n"
                + "curl 'https://api.binance.com/api/v3/order?symbol=BTCUSDT&signature=" + sig + "'\n";
        f.match(text, hash, "g", "generic", "secret").match(text, envName, "g", "generic", "secret")
                .match(text, sig, "g", "generic", "secret");
        assertEquals(List.of(), run("notes.sh", text, f));
    }

    @Test
    void genericShapedValueWithoutProviderStaysGenericAndNonShapedIsDropped() {
        Fixture f = new Fixture(11);
        String secret = f.gen("{{alnum:64}}");
        String pass = f.gen("{{alnum:14}}");
        String text = "service_secret = \"" + secret + "\"\ndb_password = \"" + pass + "\"\n";
        f.match(text, secret, "g", "generic", "secret").match(text, pass, "g", "generic", "secret");
        List<Credential> out = run("app.py", text, f);
        assertEquals(1, out.size());
        assertEquals("generic", out.get(0).provider());
        assertEquals(Severity.MEDIUM, out.get(0).severity());
    }

    @Test
    void distinctiveSiblingPairsAnUnnamedBlock() {
        Fixture f = new Fixture(12);
        String key = f.gen("bg_{{hex:32}}");
        String secret = f.gen("{{hex:64}}");
        String pass = f.gen("{{alnum:10}}");
        String text = "creds = {\n  \"key\": \"" + key + "\",\n  \"secret\": \"" + secret + "\",\n  \"passphrase\": \"" + pass + "\"\n}\n";
        f.match(text, key, "bitget-api-key", "bitget", "key").match(text, key, "g", "generic", "secret")
                .match(text, secret, "g", "generic", "secret").match(text, pass, "g", "generic", "secret");
        List<Credential> out = run("creds.py", text, f);
        assertEquals(1, out.size());
        assertEquals("bitget", out.get(0).provider());
        assertEquals(List.of("secret", "key", "passphrase"), parts(out.get(0)));
    }

    @Test
    void kucoinKeyNeedsAPlausibleObjectIdTime() {
        Fixture f = new Fixture(13);
        String good = f.objectId();
        String bad = "00" + f.gen("{{hex:22}}");
        String text = "KUCOIN_API_KEY=" + good + "\nKUCOIN_KEY_OLD=" + bad + "\n";
        f.match(text, good, "kucoin-api-credential", "kucoin", "secret").match(text, bad, "kucoin-api-credential", "kucoin", "secret");
        List<Credential> out = run(".env", text, f);
        assertEquals(1, out.size());
        assertEquals(good, out.get(0).primary().secret());
        assertEquals("key", out.get(0).primary().part());
        assertEquals(Severity.MEDIUM, out.get(0).severity());
    }

    @Test
    void closedExchangeIsLowWithNote() {
        Fixture f = new Fixture(14);
        String k = f.gen("{{base64url:40}}");
        String s = f.gen("{{base64url:40}}");
        String text = "FTX_API_KEY=" + k + "\nFTX_API_SECRET=" + s + "\n";
        f.match(text, k, "ftx-api-credential", "ftx", "secret").match(text, s, "ftx-api-credential", "ftx", "secret");
        Credential c = run(".env", text, f).get(0);
        assertEquals("ftx", c.provider());
        assertEquals(Severity.LOW, c.severity());
        assertEquals("exchange closed", c.primary().note());
    }

    @Test
    void knownPublicExampleIsInfo() {
        Fixture f = new Fixture(15);
        String documented = f.gen("{{alnum:64}}");
        ContextAssembler withKnown = new ContextAssembler(RULES, AttributionData.builtIn(),
                new KnownExamples(Map.of(KnownExamples.sha256(documented), "public documentation example (test)")));
        String text = "BINANCE_API_KEY=" + documented + "\n";
        f.match(text, documented, "binance-api-credential", "binance", "secret");
        Credential c = withKnown.assemble(new Blob(Origin.file(".env"), text.getBytes(StandardCharsets.UTF_8)), text, f.matches).get(0);
        assertEquals(Severity.INFO, c.severity());
        assertTrue(c.primary().note().startsWith("public documentation example"));
    }

    @Test
    void builtInKnownExamplesHoldOnlyFingerprints() {
        KnownExamples k = KnownExamples.builtIn();
        assertTrue(k.note(new Fixture(16).gen("{{alnum:64}}")).isEmpty());
    }

    @Test
    void coinbaseCdpJsonPairsKeyNameWithPrivateKeyFoundByAnotherRule() {
        Fixture f = new Fixture(17);
        String name = "organizations/" + f.gen("{{uuid}}") + "/apiKeys/" + f.gen("{{uuid}}");
        String pem = "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEI" + f.gen("{{base64:60}}") + "\\n" + f.gen("{{base64:64}}")
                + "\\n-----END EC PRIVATE KEY-----\\n";
        String text = "{\n   \"name\": \"" + name + "\",\n   \"privateKey\": \"" + pem + "\"\n}\n";
        f.match(text, name, "coinbase-cdp-key-name", "coinbase", "key").match(text, pem, "private-key", "pem", "private-key");
        List<Credential> out = run("cdp_api_key.json", text, f);
        assertEquals(1, out.size());
        assertEquals("coinbase", out.get(0).provider());
        assertEquals(List.of("private-key", "key"), parts(out.get(0)));
        assertEquals(Severity.CRITICAL, out.get(0).severity());
    }

    @Test
    void aPemAssignedToASecretNameIsClaimedByTheFilesOneExchangeLibrary() {
        // python-binance's conftest: an Ed25519 API key's private key, next to its key, on testnet
        Fixture f = new Fixture(40);
        String key = f.gen("{{alnum:64}}");
        String pem = "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEI" + f.gen("{{base64:27}}") + "=\\n-----END PRIVATE KEY-----";
        String text = "from binance.client import Client\n\napi_key = \"" + key + "\"\napi_secret = \"" + pem
                + "\"\ntestnet = True\n";
        f.match(text, key, "g", "generic", "secret").match(text, pem, "private-key", "pem", "private-key");
        List<Credential> out = run("tests/conftest.py", text, f);
        assertEquals(1, out.size(), out.toString());
        assertEquals("binance", out.get(0).provider());
        assertEquals(List.of("private-key", "key"), parts(out.get(0)));
        assertEquals(Severity.LOW, out.get(0).severity());
        // the same PEM under another name (a deploy key) stays its own finding
        Fixture g = new Fixture(40);
        String deploy = text.replace("api_secret = ", "deploy_key = ");
        g.match(deploy, key, "g", "generic", "secret").match(deploy, pem, "private-key", "pem", "private-key");
        assertEquals(List.of("pem", "binance"), run("tests/conftest.py", deploy, g).stream().map(Credential::provider).sorted(
                java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void unclaimedPrivateKeyAndOtherKindsPassThrough() {
        Fixture f = new Fixture(18);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\\nMIIE" + f.gen("{{base64:120}}");
        String tg = f.gen("{{digits:10}}") + ":AA" + f.gen("{{base64url:33}}");
        String text = "key = \"" + pem + "\"\nTELEGRAM_TOKEN=" + tg + "\n";
        f.match(text, pem, "private-key", "pem", "private-key").match(text, tg, "telegram-bot-token", "telegram", "token");
        List<Credential> out = run("deploy.sh", text, f);
        assertEquals(2, out.size());
        assertEquals("pem", out.get(0).provider());
        assertEquals("telegram", out.get(1).provider());
    }

    @Test
    void notebookCellLinesMapBackToFileLines() {
        Fixture f = new Fixture(19);
        String key = f.gen("{{hex:24}}");
        key = f.objectId();
        String secret = f.gen("{{uuid}}");
        String nb = "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [\n"
                + "    \"import ccxt\\n\",\n    \"ex = ccxt.kucoin({\\n\",\n    \"    'apiKey': '" + key + "',\\n\",\n"
                + "    \"    'secret': '" + secret + "',\\n\",\n    \"})\"\n   ]\n  }\n ],\n \"nbformat\": 4\n}\n";
        f.match(nb, key, "g", "generic", "secret").match(nb, secret, "g", "generic", "secret");
        List<Credential> out = run("analysis.ipynb", nb, f);
        assertEquals(1, out.size());
        assertEquals("kucoin", out.get(0).provider());
        assertEquals(9, out.get(0).primary().line());
    }

    @Test
    void unreportedLinesAreHidden() {
        Fixture f = new Fixture(20);
        String k = f.gen("{{alnum:64}}");
        String s = f.gen("{{alnum:64}}");
        String text = "BINANCE_API_KEY=" + k + "\nBINANCE_API_SECRET=" + s + "\n";
        f.match(text, k, "binance-api-credential", "binance", "secret").match(text, s, "binance-api-credential", "binance", "secret");
        BitSet added = new BitSet();
        added.set(1);
        List<Credential> out = assembler.assemble(new Blob(Origin.file(".env"), text.getBytes(StandardCharsets.UTF_8), added), text, f.matches);
        assertEquals(1, out.size());
        assertEquals(List.of("key"), parts(out.get(0)));
        assertEquals(Severity.CRITICAL, out.get(0).severity());
    }

    @Test
    void identifierIsReadFromTheLine() {
        assertEquals("OKX_SECRET", ContextAssembler.identifierBefore("x = os.getenv(\"OKX_SECRET\", \""));
        assertEquals("apiKey", ContextAssembler.identifierBefore("  'apiKey': '"));
        assertEquals("binanceSecret", ContextAssembler.identifierBefore("binanceSecret := \""));
        assertEquals("secret", ContextAssembler.identifierBefore("cfg['secret'] = '"));
        assertNull(ContextAssembler.identifierBefore("just text "));
    }

    @Test
    void minifiedBundlesAndLockFilesNeedAPrefixOrAProviderName() {
        Fixture f = new Fixture(21);
        String secret = f.gen("{{alnum:64}}");
        String line = "!function(){" + "var a=1;".repeat(200) + "var c={secret:\"" + secret + "\"};}();\n";
        f.match(line, secret, "g", "generic", "secret");
        assertEquals(List.of(), run("dist/app.js", line, f));

        Fixture g = new Fixture(22);
        String k = g.gen("{{alnum:64}}");
        String lock = "{\n  \"name\": \"binance\",\n  \"key\": \"" + k + "\"\n}\n";
        g.match(lock, k, "g", "generic", "secret");
        assertEquals(List.of(), run("package-lock.json", lock, g));
    }

    @Test
    void yamlDocumentsAndTomlSectionsKeepTheirOwnProvider() {
        Fixture f = new Fixture(23);
        String bk = f.gen("{{alnum:18}}");
        String bs = f.gen("{{alnum:36}}");
        String gk = f.gen("{{hex:32}}");
        String gs = f.gen("{{hex:64}}");
        String yaml = "exchange: bybit\napi_key: " + bk + "\napi_secret: " + bs + "\n---\nexchange: gate\napi_key: " + gk
                + "\napi_secret: " + gs + "\n";
        f.match(yaml, bk, "g", "generic", "secret").match(yaml, bs, "g", "generic", "secret")
                .match(yaml, gk, "g", "generic", "secret").match(yaml, gs, "g", "generic", "secret");
        List<Credential> out = run("accounts.yaml", yaml, f);
        assertEquals(List.of("bybit", "gate"), out.stream().map(Credential::provider).toList());
        assertTrue(out.stream().allMatch(c -> c.parts().size() == 2));

        Fixture g = new Fixture(24);
        String ok = g.gen("{{uuid}}");
        String os = g.gen("{{HEX:32}}");
        String mk = g.gen("mx0vgl{{alnum:12}}");
        String ms = g.gen("{{hex:32}}");
        String toml = "[exchanges.okx]\nkey = \"" + ok + "\"\nsecret = \"" + os + "\"\n\n[exchanges.mexc]\nkey = \"" + mk
                + "\"\nsecret = \"" + ms + "\"\n";
        g.match(toml, ok, "g", "generic", "secret").match(toml, os, "g", "generic", "secret")
                .match(toml, mk, "g", "generic", "secret").match(toml, ms, "g", "generic", "secret");
        List<Credential> t = run("config.toml", toml, g);
        assertEquals(List.of("okx", "mexc"), t.stream().map(Credential::provider).toList());
        assertEquals(List.of(os, ms), t.stream().map(c -> c.primary().secret()).toList());
    }

    /** A value written twice on a line is read where its match is: the name before the first is another's. */
    @Test
    void aValueRepeatedOnItsLineIsReadAtItsMatch() {
        Fixture f = new Fixture(27);
        String v = f.gen("{{alnum:64}}");
        String text = "note = \"" + v + "\"; BINANCE_API_SECRET = \"" + v + "\"\n";
        Match first = Fixture.at(text, v, "binance-api-credential", "binance", "secret");
        int second = text.lastIndexOf(v) + 1;
        Match atSecond = new Match(first.ruleId(), first.provider(), first.part(), first.severity(), v, 1, second,
                second + v.length(), first.lineText(), first.entropy(), null);
        assertEquals(List.of(), assembler.assemble(new Blob(Origin.file("run.py"), text.getBytes(StandardCharsets.UTF_8)),
                text, List.of(first)), "named note: no credential part");
        List<Credential> out = assembler.assemble(new Blob(Origin.file("run.py"), text.getBytes(StandardCharsets.UTF_8)),
                text, List.of(atSecond));
        assertEquals(1, out.size(), out.toString());
        assertEquals("binance", out.get(0).provider());
        assertEquals(List.of("secret"), parts(out.get(0)));
        assertTrue(assembler.mayReport("binance-api-credential", "binance", "secret", v, "run.py", text.strip(), second));
    }

    @Test
    void nameWithoutACredentialPartIsNotACredential() {
        Fixture f = new Fixture(25);
        String v = f.gen("{{alnum:10}}");
        String text = "DERIBIT_ENV=" + v + "\n";
        f.match(text, v, "deribit-api-credential", "deribit", "secret");
        assertEquals(List.of(), run(".env", text, f));
    }

    @Test
    void placeholdersLonePassphrasesAndGenericIdsAreNotReported() {
        Fixture f = new Fixture(26);
        String text = "exchange = ccxt.okx({\n    'apiKey': 'test_api_key',\n    'secret': 'your-secret-here',\n"
                + "    'password': 'api_passphrase',\n})\nrecord = {'key': 'long_offset_psize_weight'}\n";
        f.match(text, "test_api_key", "g", "generic", "secret").match(text, "your-secret-here", "g", "generic", "secret")
                .match(text, "api_passphrase", "g", "generic", "secret").match(text, "long_offset_psize_weight", "g", "generic", "secret");
        assertEquals(List.of(), run("bot.py", text, f));

        Fixture g = new Fixture(27);
        String pass = g.gen("{{alnum:6}}-{{alnum:6}}");
        String lone = "OKX_API_PASSPHRASE=" + pass + "\n";
        g.match(lone, pass, "okx-api-passphrase", "okx", "passphrase");
        assertEquals(List.of(), run(".env", lone, g));
    }

    @Test
    void aValueMarkedAsMockInATrailingCommentIsInfo() {
        Fixture f = new Fixture(28);
        String s = f.gen("{{hex:64}}");
        String text = "cls.api_secret = \"" + s + "\"  # noqa: mock\n";
        f.match(text, s, "g", "generic", "secret");
        Credential c = run("test_auth.py", text, f).get(0);
        assertEquals(Severity.INFO, c.severity());
        assertEquals("marked as not real in a comment", c.primary().note());
    }
}
