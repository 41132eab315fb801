package dev.keyhound.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.detect.Match;
import dev.keyhound.detect.validate.Bip39;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wallet, bot-channel and private-key rules on whole, realistic files through the real
 * engine: which rule fires, with which part, on which line, with which secret, and that nothing
 * else of theirs fires (hashes, addresses, public test mnemonics, prose). Secrets are generated.
 */
class WalletRulesRealisticFilesTest {
    /** Providers of the rule files under test; other providers' rules may also fire on these files. */
    private static final Set<String> PROVIDERS = Set.of("ethereum", "bip39", "bitcoin", "solana", "keystore",
            "telegram", "discord", "private-key");

    private static Engine engine;
    private final Random random = new Random(2026);

    @BeforeAll
    static void load() throws Exception {
        engine = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
    }

    private String gen(String placeholder) {
        return ExampleTemplate.expand(placeholder, random);
    }

    /** (rule, part, line, secret) of every match of the rules under test. */
    private static List<String> scan(String path, String text) {
        List<String> out = new ArrayList<>();
        for (Credential c : engine.detect(new Blob(Origin.file(path), text.getBytes(StandardCharsets.UTF_8)))) {
            for (Match m : c.parts()) {
                if (PROVIDERS.contains(ruleProvider(m.ruleId()))) {
                    out.add(m.ruleId() + " " + m.part() + " " + m.line() + " " + m.secret());
                }
            }
        }
        return out.stream().sorted().collect(Collectors.toList());
    }

    private static String ruleProvider(String ruleId) {
        try {
            return RuleSet.builtIn().byId(ruleId).map(Rule::provider).orElse("?");
        } catch (RuleFileException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> expect(String... rows) {
        return java.util.Arrays.stream(rows).sorted().collect(Collectors.toList());
    }

    @Test
    void aPhraseHoldingTheWordSeedIsFoundWholeNotFromThatWordOn() {
        // "seed" is a list word; a phrase holding it must not give the named rule its checksum-valid tail
        String phrase = null;
        for (Random r = new Random(7); phrase == null; ) {
            String candidate = Bip39.random(24, r);
            List<String> words = List.of(candidate.split(" "));
            int at = words.indexOf("seed");
            if (at >= 0 && at <= 11 && Bip39.isValid(String.join(" ", words.subList(at + 1, 24)))) {
                phrase = candidate;
            }
        }
        assertEquals(expect("bip39-mnemonic-quoted-generic mnemonic 1 " + phrase),
                scan("restore.py", "wallet = Wallet.restore(words='" + phrase + "')\n"));
    }

    @Test
    void dotEnvOfATradingBot() {
        String evm = gen("{{evm}}");
        String mnemonic = gen("{{bip39:12}}");
        String telegram = gen("{{telegram}}");
        String webhook = gen("{{discord-webhook:discordapp.com}}");
        String solana = gen("{{solana}}");
        String wif = gen("{{wif}}");
        String xprv = gen("{{xprv:zprv}}");
        String env = String.join("\n",
                "# bot settings",
                "NODE_ENV=production",
                "RPC_URL=https://mainnet.infura.io/v3/" + gen("{{hex:32}}"),
                "PRIVATE_KEY=" + evm,
                "MNEMONIC=\"" + mnemonic + "\"",
                "TELEGRAM_BOT_TOKEN=" + telegram,
                "TELEGRAM_CHAT_ID=" + gen("{{digits:9}}"),
                "DISCORD_WEBHOOK_URL=" + webhook,
                "SOLANA_PRIVATE_KEY=" + solana,
                "BTC_WIF=" + wif,
                "COLD_XPRV=" + xprv,
                "LAST_TX_HASH=0x" + gen("{{hex:64}}"),
                "WALLET_ADDRESS=0x" + gen("{{hex:40}}"),
                "");
        assertEquals(expect(
                "ethereum-private-key private-key 4 " + evm,
                "bip39-mnemonic mnemonic 5 " + mnemonic,
                "telegram-bot-token token 6 " + telegram,
                "discord-webhook webhook 8 " + webhook,
                "solana-keypair private-key 9 " + solana,
                "bitcoin-wif private-key 10 " + wif,
                "bitcoin-extended-private-key private-key 11 " + xprv), scan(".env", env));
    }

    @Test
    void freqtradeConfigWithATelegramBlock() {
        String telegram = gen("{{telegram}}");
        String webhook = gen("{{discord-webhook}}");
        String config = String.join("\n",
                "{",
                "    \"max_open_trades\": 3,",
                "    \"stake_currency\": \"USDT\",",
                "    \"exchange\": {",
                "        \"name\": \"binance\",",
                "        \"key\": \"\",",
                "        \"secret\": \"\",",
                "        \"pair_whitelist\": [\"BTC/USDT\", \"ETH/USDT\"]",
                "    },",
                "    \"telegram\": {",
                "        \"enabled\": true,",
                "        \"token\": \"" + telegram + "\",",
                "        \"chat_id\": \"" + gen("{{digits:9}}") + "\"",
                "    },",
                "    \"discord\": {",
                "        \"enabled\": true,",
                "        \"webhook_url\": \"" + webhook + "\"",
                "    },",
                "    \"bot_name\": \"freqtrade\"",
                "}",
                "");
        assertEquals(expect("telegram-bot-token token 12 " + telegram, "discord-webhook webhook 17 " + webhook),
                scan("user_data/config.json", config));
    }

    @Test
    void hardhatConfigWithAPrivateKey() {
        String constKey = gen("{{hex:64}}");
        String accountKey = gen("{{evm}}");
        String config = String.join("\n",
                "require(\"@nomicfoundation/hardhat-toolbox\");",
                "",
                "const PRIVATE_KEY = \"" + constKey + "\";",
                "const DEPLOY_TX = \"0x" + gen("{{hex:64}}") + "\";",
                "",
                "module.exports = {",
                "  solidity: \"0.8.24\",",
                "  networks: {",
                "    hardhat: { accounts: { mnemonic: \"" + "test ".repeat(11) + "junk\" } },",
                "    sepolia: {",
                "      url: \"https://sepolia.infura.io/v3/" + gen("{{hex:32}}") + "\",",
                "      accounts: [\"" + accountKey + "\"],",
                "    },",
                "    mainnet: { url: process.env.RPC_URL, accounts: [`0x${PRIVATE_KEY}`] },",
                "  },",
                "};",
                "");
        assertEquals(expect("ethereum-private-key private-key 3 " + constKey,
                "ethereum-private-key private-key 12 " + accountKey), scan("hardhat.config.js", config));
    }

    @Test
    void solanaCliKeypairFile() {
        String compact = gen("{{solana-json}}");
        assertEquals(expect("solana-keypair-file private-key 1 " + compact), scan("home/.config/solana/id.json", compact + "\n"));

        String pretty = gen("{{solana-json}}").replace("[", "[\n  ").replace(",", ",\n  ").replace("]", "\n]");
        List<String> found = scan("deploy/keypair.json", pretty);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("solana-keypair-file private-key 1 ["), found.get(0));

        // 64 random bytes in the same shape are no keypair
        StringBuilder noise = new StringBuilder("[");
        for (int i = 0; i < 64; i++) {
            noise.append(i == 0 ? "" : ",").append(random.nextInt(256));
        }
        assertEquals(List.of(), scan("id.json", noise.append("]").toString()));
    }

    @Test
    void coinbaseCdpKeyFileWithAJsonEscapedEcPem() {
        String pem = gen("{{ec-p256-pem:escaped}}");
        String json = String.join("\n",
                "{",
                "   \"name\": \"organizations/" + gen("{{uuid}}") + "/apiKeys/" + gen("{{uuid}}") + "\",",
                "   \"privateKey\": \"" + pem + "\\n\"",
                "}",
                "");
        assertEquals(expect("private-key-ec private-key 3 " + pem), scan("cdp_api_key.json", json));
    }

    @Test
    void pythonScriptWithATelegramUrlAndAnEd25519Key() {
        String telegram = gen("{{telegram}}");
        String ed25519 = gen("{{ed25519-pem:body}}");
        String script = String.join("\n",
                "import requests",
                "",
                "CHAT_ID = " + gen("{{digits:9}}"),
                "PRIVATE_KEY_PEM = \"\"\"-----BEGIN PRIVATE KEY-----",
                ed25519,
                "-----END PRIVATE KEY-----\"\"\"",
                "",
                "def notify(text):",
                "    requests.get(f\"https://api.telegram.org/bot" + telegram + "/sendMessage\",",
                "                 params={\"chat_id\": CHAT_ID, \"text\": text}, timeout=10)",
                "");
        assertEquals(expect("telegram-bot-token token 9 " + telegram, "private-key-ed25519 private-key 5 " + ed25519),
                scan("bot/notify.py", script));
    }

    @Test
    void multiLinePemsAreFoundWholeAndPublicOnesNot() {
        String rsa = gen("{{rsa-pem:pkcs1}}");
        String pkcs8 = gen("{{rsa-pem}}");
        String text = "# keys\n" + rsa + "\n\n" + pkcs8 + "\n-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A"
                + gen("{{base64:300}}") + "\n-----END PUBLIC KEY-----\n";
        int pkcs8Line = 2 + rsa.split("\n").length + 1;
        assertEquals(expect("private-key-rsa private-key 2 " + rsa, "private-key-pkcs8 private-key " + pkcs8Line + " " + pkcs8),
                scan("deploy/keys.pem", text));
    }

    @Test
    void hashesProseAndPublicTestMnemonicsAreNotWalletSecrets() {
        String lockfile = String.join("\n",
                "[[package]]",
                "name = \"serde\"",
                "checksum = \"" + gen("{{hex:64}}") + "\"",
                "",
                "commit " + gen("{{hex:64}}"),
                "sha256: " + gen("{{hex:64}}"),
                "\"transactionHash\": \"0x" + gen("{{hex:64}}") + "\",",
                "\"signature\": \"0x" + gen("{{hex:130}}") + "\",",
                "private_key_sha256 = \"" + gen("{{hex:64}}") + "\"",
                "");
        assertEquals(List.of(), scan("Cargo.lock", lockfile));

        String readme = String.join("\n",
                "# Wallet setup",
                "Write down your seed phrase and keep it safe. Never share it with anyone.",
                "The phrase \"" + "abandon ".repeat(11) + "about\" is a public test vector.",
                "mnemonic: \"" + "test ".repeat(11) + "junk\"",
                "seed phrase: \"the quick brown fox jumps over the lazy dog and then runs away\"",
                "");
        assertEquals(List.of(), scan("README.md", readme));
    }
}
