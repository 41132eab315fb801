package dev.keyhound.corpus;

import dev.keyhound.rules.ExampleTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A labeled benchmark corpus of realistic trading-bot repositories, generated at test time: every
 * exchange's credentials (fresh random, format-exact values) planted in every attribution situation
 * (env names, freqtrade configs, ccxt in Python/JS/notebooks, passivbot, hummingbot-style paths,
 * docker-compose, Kubernetes secrets, Java/Go/C# constants, comments, os.getenv defaults, testnets),
 * plus hundreds of hard negatives (hashes, commit SHAs, tx hashes, addresses, public keys, data URIs,
 * minified bundles, env references, placeholders, order/request ids, API-doc signatures).
 */
final class ExchangeCorpus {
    /** Test data: how each exchange's credentials look and are named in the wild (research notes §3/§4). */
    record Exchange(String id, String display, String ccxtId, String envPrefix, String keyTemplate,
                    String secretTemplate, boolean passphrase, boolean uid) {
    }

    static final List<Exchange> EXCHANGES = List.of(
            new Exchange("binance", "Binance", "binance", "BINANCE", "{{alnum:64}}", "{{alnum:64}}", false, false),
            new Exchange("binanceus", "Binance US", "binanceus", "BINANCE_US", "{{alnum:64}}", "{{alnum:64}}", false, false),
            new Exchange("kraken", "Kraken", "kraken", "KRAKEN", "{{base64:56}}", "{{base64:86}}==", false, false),
            new Exchange("krakenfutures", "Kraken Futures", "krakenfutures", "KRAKEN_FUTURES", "{{base64:56}}", "{{base64:86}}==", false, false),
            new Exchange("coinbase", "Coinbase Exchange", "coinbaseexchange", "COINBASE", "{{hex:32}}", "{{base64:86}}==", true, false),
            new Exchange("okx", "OKX", "okx", "OKX", "{{uuid}}", "{{HEX:32}}", true, false),
            new Exchange("bybit", "Bybit", "bybit", "BYBIT", "{{alnum:18}}", "{{alnum:36}}", false, false),
            new Exchange("kucoin", "KuCoin", "kucoin", "KUCOIN", "OBJECTID", "{{uuid}}", true, false),
            new Exchange("gate", "Gate.io", "gate", "GATEIO", "{{hex:32}}", "{{hex:64}}", false, false),
            new Exchange("bitfinex", "Bitfinex", "bitfinex", "BITFINEX", "{{base64url:43}}", "{{base64url:43}}", false, false),
            new Exchange("bitstamp", "Bitstamp", "bitstamp", "BITSTAMP", "{{alnum:32}}", "{{alnum:32}}", false, true),
            new Exchange("gemini", "Gemini", "gemini", "GEMINI", "account-{{alnum:20}}", "{{alnum:28}}", false, false),
            new Exchange("htx", "HTX (Huobi)", "htx", "HUOBI", "{{hex:8}}-{{hex:8}}-{{hex:8}}-{{hex:5}}", "{{hex:8}}-{{hex:8}}-{{hex:8}}-{{hex:5}}", false, false),
            new Exchange("bitget", "Bitget", "bitget", "BITGET", "bg_{{hex:32}}", "{{hex:64}}", true, false),
            new Exchange("mexc", "MEXC", "mexc", "MEXC", "mx0vgl{{alnum:12}}", "{{hex:32}}", false, false),
            new Exchange("cryptocom", "Crypto.com", "cryptocom", "CRYPTO_COM", "{{alnum:22}}", "{{alnum:22}}", false, false),
            new Exchange("deribit", "Deribit", "deribit", "DERIBIT", "{{alnum:4}}{{digits:2}}{{upper:2}}", "{{base64url:43}}", false, false),
            new Exchange("bitmex", "BitMEX", "bitmex", "BITMEX", "{{base64url:24}}", "{{base64url:48}}", false, false),
            new Exchange("poloniex", "Poloniex", "poloniex", "POLONIEX", "{{upper:4}}{{digits:4}}-{{digits:4}}{{upper:4}}-{{upper:3}}{{digits:5}}-{{digits:2}}{{upper:6}}", "{{hex:128}}", false, false),
            new Exchange("upbit", "Upbit", "upbit", "UPBIT", "{{alnum:40}}", "{{alnum:40}}", false, false),
            new Exchange("bithumb", "Bithumb", "bithumb", "BITHUMB", "{{hex:32}}", "{{hex:32}}", false, false),
            new Exchange("ftx", "FTX", "ftx", "FTX", "{{base64url:40}}", "{{base64url:40}}", false, false),
            new Exchange("bittrex", "Bittrex", "bittrex", "BITTREX", "{{hex:32}}", "{{hex:32}}", false, false),
            new Exchange("robinhood", "Robinhood Crypto", "robinhood", "ROBINHOOD", "rh-api-{{uuid}}", "{{base64:43}}=", false, false));

    static final List<String> SITUATIONS = List.of("env", "freqtrade", "ccxt-python", "ccxt-js", "passivbot", "path-yaml",
            "notebook", "docker-compose", "k8s-secret", "java", "go", "csharp", "comment", "path-ini", "getenv-default",
            "hummingbot", "dict-keyname", "toml-section", "multi-env");

    private final Random random;
    private final List<CorpusFile> files = new ArrayList<>();
    private int n;

    ExchangeCorpus(long seed) {
        this.random = new Random(seed);
    }

    static List<CorpusFile> generate(long seed) {
        return generate(seed, false);
    }

    /** withWalletKinds: also PEM exchange keys, Telegram, Discord, EVM keys and mnemonics (needs those rules). */
    static List<CorpusFile> generate(long seed, boolean withWalletKinds) {
        ExchangeCorpus c = new ExchangeCorpus(seed);
        List<Planted> passivbot = new ArrayList<>();
        StringBuilder pb = new StringBuilder("{\n");
        for (Exchange e : EXCHANGES) {
            for (String situation : SITUATIONS) {
                if (situation.equals("passivbot")) {
                    c.passivbotEntry(e, pb, passivbot);
                } else {
                    c.plant(e, situation);
                }
            }
        }
        pb.append("  \"placeholder_account\": {\"exchange\": \"binance\", \"key\": \"your_api_key\", \"secret\": \"your_api_secret\"}\n}\n");
        c.files.add(new CorpusFile("passivbot/api-keys.json", pb.toString(), passivbot, 2));
        c.testnets();
        c.coinbaseCdp();
        if (withWalletKinds) {
            c.walletKinds();
        }
        c.negatives();
        return c.files;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String gen(String template) {
        if (template.equals("OBJECTID")) {
            long t = 1_550_000_000L + random.nextInt(200_000_000);
            return String.format("%08x", t) + ExampleTemplate.expand("{{hex:16}}", random);
        }
        return ExampleTemplate.expand(template, random);
    }

    private Map<String, String> credential(Exchange e) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("key", gen(e.keyTemplate()));
        parts.put("secret", gen(e.secretTemplate()));
        if (e.passphrase()) {
            parts.put("passphrase", gen("{{alnum:6}}-{{alnum:6}}"));
        }
        if (e.uid()) {
            parts.put("uid", gen("{{lower:4}}{{digits:4}}"));
        }
        return parts;
    }

    private void add(String path, String text, Planted p, int negatives) {
        files.add(new CorpusFile(path, text, p == null ? List.of() : List.of(p), negatives));
    }

    private static String note(Exchange e) {
        return e.id().equals("ftx") || e.id().equals("bittrex") ? "exchange closed" : null;
    }

    private void plant(Exchange e, String situation) {
        Map<String, String> c = credential(e);
        String k = c.get("key");
        String s = c.get("secret");
        String p = c.get("passphrase");
        String u = c.get("uid");
        String env = e.envPrefix();
        int i = n++;
        // Names vary the way they do in the wild (research notes §4.2).
        String ks = pick("_API_KEY", "_KEY", "_ACCESS_KEY", "_APIKEY", "_API_KEY_ID");
        String ss = pick("_API_SECRET", "_SECRET_KEY", "_SECRET", "_PRIVATE_KEY", "_APISECRET", "_API_SECRET_KEY");
        String ps = pick("_API_PASSPHRASE", "_PASSPHRASE", "_API_PASSWORD");
        String kl = pick("api_key", "apiKey", "key", "access_key");
        String sl = pick("api_secret", "secret", "secret_key", "apiSecret", "private_key");
        String pl = pick("passphrase", "password", "api_passphrase");
        String path;
        StringBuilder t = new StringBuilder();
        int neg = 0;
        switch (situation) {
            case "env" -> {
                path = "bot" + i + "/.env";
                t.append("# runtime settings\nLOG_LEVEL=debug\nDATABASE_URL=postgres://bot:${DB_PASSWORD}@db:5432/bot\n");
                t.append(env).append(ks).append("=").append(k).append('\n').append(env).append(ss).append("=").append(s).append('\n');
                if (p != null) t.append(env).append(ps).append("=").append(p).append('\n');
                if (u != null) t.append(env).append("_CUSTOMER_ID=").append(u).append('\n');
                t.append("TELEGRAM_CHAT_ID=").append(gen("{{digits:9}}")).append("\nGIT_COMMIT=").append(gen("{{hex:40}}")).append('\n');
                neg = 2;
            }
            case "freqtrade" -> {
                path = "ft" + i + "/user_data/config.json";
                t.append("{\n    // generated by freqtrade new-config\n    \"max_open_trades\": 3,\n    \"stake_currency\": \"USDT\",\n")
                        .append("    \"dry_run\": false,\n    \"exchange\": {\n        \"name\": \"").append(e.ccxtId()).append("\",\n")
                        .append("        \"key\": \"").append(k).append("\",\n        \"secret\": \"").append(s).append("\",\n");
                if (p != null) t.append("        \"password\": \"").append(p).append("\",\n");
                if (u != null) t.append("        \"uid\": \"").append(u).append("\",\n");
                t.append("        \"ccxt_config\": {},\n        \"pair_whitelist\": [\"BTC/USDT\", \"ETH/USDT\",],\n    },\n")
                        .append("    \"api_server\": {\"enabled\": false, \"ws_token\": \"\"},\n")
                        .append("    \"bot_name\": \"freqtrade\",\n    \"initial_state\": \"running\"\n}\n");
            }
            case "ccxt-python" -> {
                path = "trader" + i + "/exchange_client.py";
                t.append("import ccxt\nimport hashlib\n\n\ndef make_client():\n    exchange = ccxt.").append(e.ccxtId()).append("({\n")
                        .append("        'apiKey': '").append(k).append("',\n        'secret': '").append(s).append("',\n");
                if (p != null) t.append("        'password': '").append(p).append("',\n");
                if (u != null) t.append("        'uid': '").append(u).append("',\n");
                t.append("        'enableRateLimit': True,\n    })\n    return exchange\n\n\n")
                        .append("ORDER_ID = '").append(gen("{{uuid}}")).append("'\nSTRATEGY_HASH = '").append(gen("{{hex:64}}")).append("'\n");
                neg = 2;
            }
            case "ccxt-js" -> {
                path = "node" + i + "/src/client.js";
                t.append("'use strict';\nconst ccxt = require('ccxt');\n\nconst exchange = new ccxt.").append(e.ccxtId()).append("({\n")
                        .append("  apiKey: '").append(k).append("',\n  secret: \"").append(s).append("\",\n");
                if (p != null) t.append("  password: '").append(p).append("',\n");
                if (u != null) t.append("  uid: '").append(u).append("',\n");
                t.append("  options: { defaultType: 'spot' },\n});\n\nmodule.exports = exchange;\n")
                        .append("const requestId = '").append(gen("{{uuid}}")).append("';\n");
                neg = 1;
            }
            case "path-yaml" -> {
                path = "hb" + i + "/conf/connectors/" + e.ccxtId() + ".yml";
                t.append("#####################################\n###   connector config   ###\n#####################################\n\n")
                        .append("connector: ").append("exchange\n").append(kl).append(": ").append(k).append('\n').append(sl).append(": ").append(s).append('\n');
                if (p != null) t.append(pl).append(": ").append(p).append('\n');
                if (u != null) t.append("uid: ").append(u).append('\n');
            }
            case "notebook" -> {
                path = "research" + i + "/backtest.ipynb";
                t.append("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"metadata\": {},\n   \"source\": [\"# Backtest\"]\n  },\n")
                        .append("  {\n   \"cell_type\": \"code\",\n   \"execution_count\": 1,\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n")
                        .append("    \"import ccxt\\n\",\n    \"ex = getattr(ccxt, '").append(e.ccxtId()).append("')({\\n\",\n")
                        .append("    \"    'apiKey': '").append(k).append("',\\n\",\n    \"    'secret': '").append(s).append("',\\n\",\n");
                if (p != null) t.append("    \"    'password': '").append(p).append("',\\n\",\n");
                if (u != null) t.append("    \"    'uid': '").append(u).append("',\\n\",\n");
                t.append("    \"})\\n\",\n    \"ex.load_markets()\"\n   ]\n  }\n ],\n \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}},\n")
                        .append(" \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
            }
            case "docker-compose" -> {
                path = "stack" + i + "/docker-compose.yml";
                t.append("version: '3.8'\nservices:\n  bot:\n    image: ghcr.io/acme/bot@sha256:").append(gen("{{hex:64}}"))
                        .append("\n    restart: unless-stopped\n    environment:\n")
                        .append("      - ").append(env).append(ks).append("=").append(k).append("\n      - ").append(env).append(ss).append("=").append(s).append('\n');
                if (p != null) t.append("      - ").append(env).append(ps).append("=").append(p).append('\n');
                if (u != null) t.append("      - ").append(env).append("_CUSTOMER_ID=").append(u).append('\n');
                t.append("      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n  db:\n    image: postgres:16\n");
                neg = 2;
            }
            case "k8s-secret" -> {
                path = "k8s" + i + "/bot-secret.yaml";
                t.append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: bot-credentials\n  annotations:\n    checksum/config: ")
                        .append(gen("{{hex:64}}")).append("\ntype: Opaque\nstringData:\n")
                        .append("  ").append(env).append(ks).append(": \"").append(k).append("\"\n  ").append(env).append(ss).append(": \"").append(s).append("\"\n");
                if (p != null) t.append("  ").append(env).append(ps).append(": \"").append(p).append("\"\n");
                if (u != null) t.append("  ").append(env).append("_CUSTOMER_ID: \"").append(u).append("\"\n");
                t.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bot\ndata:\n  LOG_LEVEL: info\n");
                neg = 1;
            }
            case "java" -> {
                path = "svc" + i + "/src/main/java/com/acme/trading/Credentials.java";
                t.append("package com.acme.trading;\n\n/** Do not commit. */\nfinal class Credentials {\n")
                        .append("    static final String ").append(env).append(ks).append(" = \"").append(k).append("\";\n")
                        .append("    static final String ").append(env).append(ss).append(" = \"").append(s).append("\";\n");
                if (p != null) t.append("    static final String ").append(env).append(ps).append(" = \"").append(p).append("\";\n");
                if (u != null) t.append("    static final String ").append(env).append("_CUSTOMER_ID = \"").append(u).append("\";\n");
                t.append("    static final String BUILD_SHA = \"").append(gen("{{hex:40}}")).append("\";\n}\n");
                neg = 1;
            }
            case "go" -> {
                path = "gobot" + i + "/internal/config/keys.go";
                String v = camel(env);
                t.append("package config\n\nconst (\n\t").append(v).append("ApiKey = \"").append(k).append("\"\n\t")
                        .append(v).append("ApiSecret = \"").append(s).append("\"\n");
                if (p != null) t.append("\t").append(v).append("Passphrase = \"").append(p).append("\"\n");
                if (u != null) t.append("\t").append(v).append("CustomerId = \"").append(u).append("\"\n");
                t.append(")\n\nfunc TxHash() string {\n\ttxHash := \"0x").append(gen("{{hex:64}}")).append("\"\n\treturn txHash\n}\n");
                neg = 1;
            }
            case "csharp" -> {
                path = "dotnet" + i + "/Bot/Settings.cs";
                String v = camel(env);
                t.append("namespace Bot\n{\n    public static class Settings\n    {\n")
                        .append("        public const string ").append(v).append("ApiKey = \"").append(k).append("\";\n")
                        .append("        public const string ").append(v).append("ApiSecret = \"").append(s).append("\";\n");
                if (p != null) t.append("        public const string ").append(v).append("Passphrase = \"").append(p).append("\";\n");
                if (u != null) t.append("        public const string ").append(v).append("CustomerId = \"").append(u).append("\";\n");
                t.append("        public const string WalletAddress = \"0x").append(gen("{{hex:40}}")).append("\";\n    }\n}\n");
                neg = 1;
            }
            case "comment" -> {
                path = "scripts" + i + "/run_grid.py";
                t.append("import time\n\n# ").append(e.display()).append(" account used by the grid bot\n")
                        .append("API_KEY = \"").append(k).append("\"\nAPI_SECRET = \"").append(s).append("\"\n");
                if (p != null) t.append("API_PASSPHRASE = \"").append(p).append("\"\n");
                if (u != null) t.append("CUSTOMER_ID = \"").append(u).append("\"\n");
                t.append("\n\ndef main():\n    while True:\n        time.sleep(60)\n");
            }
            case "path-ini" -> {
                path = "bots/" + e.ccxtId() + "/config.ini";
                path = "deploy" + i + "/" + path;
                t.append("[general]\nlog_level = info\ninterval = 60\n\n[account]\nkey = ").append(k).append("\nsecret = ").append(s).append('\n');
                if (p != null) t.append("passphrase = ").append(p).append('\n');
                if (u != null) t.append("uid = ").append(u).append('\n');
            }
            case "getenv-default" -> {
                path = "app" + i + "/settings.py";
                t.append("import os\n\nAPI_KEY = os.getenv(\"").append(env).append(ks).append("\", \"").append(k).append("\")\n")
                        .append("API_SECRET = os.getenv(\"").append(env).append(ss).append("\", \"").append(s).append("\")\n");
                if (p != null) t.append("API_PASSPHRASE = os.getenv(\"").append(env).append(ps).append("\", \"").append(p).append("\")\n");
                if (u != null) t.append("CUSTOMER_ID = os.getenv(\"").append(env).append("_CUSTOMER_ID\", \"").append(u).append("\")\n");
                t.append("DB_PASSWORD = os.getenv(\"DB_PASSWORD\")\nREDIS_URL = os.environ[\"REDIS_URL\"]\n");
                neg = 2;
            }
            case "hummingbot" -> {
                path = "hummingbot" + i + "/conf/connectors/" + e.ccxtId() + ".yml";
                String id = e.ccxtId();
                t.append("connector: ").append(id).append('\n').append(id).append("_api_key: ").append(k).append('\n')
                        .append(id).append("_api_secret: ").append(s).append('\n');
                if (p != null) t.append(id).append("_passphrase: ").append(p).append('\n');
                if (u != null) t.append(id).append("_uid: ").append(u).append('\n');
            }
            case "dict-keyname", "toml-section", "multi-env" -> {
                // Two exchanges side by side: each credential must keep its own provider and parts.
                Exchange other = EXCHANGES.get((EXCHANGES.indexOf(e) + 7) % EXCHANGES.size());
                Map<String, String> c2 = credential(other);
                path = situation + i + (situation.equals("dict-keyname") ? "/accounts.py" : situation.equals("toml-section") ? "/config.toml" : "/.env");
                for (Object[] pair : new Object[][] {{e, c}, {other, c2}}) {
                    Exchange x = (Exchange) pair[0];
                    @SuppressWarnings("unchecked")
                    Map<String, String> cx = (Map<String, String>) pair[1];
                    switch (situation) {
                        case "dict-keyname" -> {
                            t.append(t.length() == 0 ? "ACCOUNTS = {\n" : "").append("    \"").append(x.ccxtId()).append("\": {\n")
                                    .append("        \"").append(pick("api_key", "apiKey", "key")).append("\": \"").append(cx.get("key")).append("\",\n")
                                    .append("        \"").append(pick("api_secret", "secret", "secretKey")).append("\": \"").append(cx.get("secret")).append("\",\n");
                            if (cx.containsKey("passphrase")) t.append("        \"passphrase\": \"").append(cx.get("passphrase")).append("\",\n");
                            if (cx.containsKey("uid")) t.append("        \"uid\": \"").append(cx.get("uid")).append("\",\n");
                            t.append("        \"order_key\": \"").append(gen("{{uuid}}")).append("\",\n    },\n");
                        }
                        case "toml-section" -> {
                            t.append("[exchanges.").append(x.ccxtId()).append("]\n").append(pick("api_key", "key", "access_key"))
                                    .append(" = \"").append(cx.get("key")).append("\"\n").append(pick("api_secret", "secret", "secret_key"))
                                    .append(" = \"").append(cx.get("secret")).append("\"\n");
                            if (cx.containsKey("passphrase")) t.append("passphrase = \"").append(cx.get("passphrase")).append("\"\n");
                            if (cx.containsKey("uid")) t.append("uid = \"").append(cx.get("uid")).append("\"\n");
                            t.append("enabled = true\n\n");
                        }
                        default -> {
                            String ev = x.envPrefix();
                            t.append("# --- ").append(x.display()).append(" ---\n").append(ev).append("_KEY=").append(cx.get("key")).append('\n')
                                    .append(ev).append("_SECRET=").append(cx.get("secret")).append('\n');
                            if (cx.containsKey("passphrase")) t.append(ev).append("_PASSPHRASE=").append(cx.get("passphrase")).append('\n');
                            if (cx.containsKey("uid")) t.append(ev).append("_UID=").append(cx.get("uid")).append('\n');
                            t.append(ev).append("_API_URL=https://api.example.com\n\n");
                        }
                    }
                }
                if (situation.equals("dict-keyname")) {
                    t.append("}\n");
                }
                files.add(new CorpusFile(path, t.toString(), List.of(new Planted(e.id(), c, situation, path, note(e)),
                        new Planted(other.id(), c2, situation, path, note(other))), situation.equals("dict-keyname") ? 2 : 0));
                return;
            }
            default -> throw new IllegalArgumentException(situation);
        }
        add(path, t.toString(), new Planted(e.id(), c, situation, path, note(e)), neg);
    }

    private static String camel(String env) {
        StringBuilder b = new StringBuilder();
        for (String w : env.toLowerCase().split("_")) {
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    private void passivbotEntry(Exchange e, StringBuilder pb, List<Planted> out) {
        Map<String, String> c = credential(e);
        pb.append("  \"").append(e.id()).append("_main\": {\n    \"exchange\": \"").append(e.ccxtId()).append("\",\n")
                .append("    \"key\": \"").append(c.get("key")).append("\",\n    \"secret\": \"").append(c.get("secret")).append("\"");
        if (c.containsKey("passphrase")) {
            pb.append(",\n    \"passphrase\": \"").append(c.get("passphrase")).append("\"");
        }
        if (c.containsKey("uid")) {
            pb.append(",\n    \"uid\": \"").append(c.get("uid")).append("\"");
        }
        pb.append("\n  },\n");
        out.add(new Planted(e.id(), c, "passivbot", "passivbot/api-keys.json", note(e)));
    }

    /** Keys of testnets, demo and sandbox accounts: reported low with a "testnet key" note. */
    private void testnets() {
        Map<String, String> b = Map.of("key", gen("{{alnum:64}}"), "secret", gen("{{alnum:64}}"));
        String ft = "{\n  \"exchange\": {\n    \"name\": \"binance\",\n    \"key\": \"" + b.get("key") + "\",\n    \"secret\": \"" + b.get("secret")
                + "\",\n    \"ccxt_config\": {\"urls\": {\"api\": {\"public\": \"https://testnet.binance.vision/api/v3\", \"private\": \"https://testnet.binance.vision/api/v3\"}}}\n  }\n}\n";
        add("testnet1/config.json", ft, new Planted("binance", b, "testnet", "testnet1/config.json", "testnet key"), 0);

        Map<String, String> y = Map.of("key", gen("{{alnum:18}}"), "secret", gen("{{alnum:36}}"));
        String env = "BYBIT_TESTNET=true\nBYBIT_API_KEY=" + y.get("key") + "\nBYBIT_API_SECRET=" + y.get("secret") + "\n";
        add("testnet2/.env", env, new Planted("bybit", y, "testnet", "testnet2/.env", "testnet key"), 0);

        Map<String, String> m = Map.of("key", gen("{{base64url:24}}"), "secret", gen("{{base64url:48}}"));
        String py = "import ccxt\nexchange = ccxt.bitmex({\n    'apiKey': '" + m.get("key") + "',\n    'secret': '" + m.get("secret")
                + "',\n})\nexchange.set_sandbox_mode(True)\n";
        add("testnet3/bitmex_paper.py", py, new Planted("bitmex", m, "testnet", "testnet3/bitmex_paper.py", "testnet key"), 0);

        Map<String, String> d = Map.of("key", gen("{{alnum:8}}"), "secret", gen("{{base64url:43}}"));
        String js = "const deribit = new ccxt.deribit({\n  apiKey: '" + d.get("key") + "',\n  secret: '" + d.get("secret")
                + "',\n  urls: { api: 'https://test.deribit.com' },\n});\n";
        add("testnet4/deribit.js", js, new Planted("deribit", d, "testnet", "testnet4/deribit.js", "testnet key"), 0);
    }

    /** Coinbase CDP key files: ECDSA (key name + EC PEM) and Ed25519 (id + 88-char key). */
    private void coinbaseCdp() {
        for (int i = 0; i < 4; i++) {
            String name = "organizations/" + gen("{{uuid}}") + "/apiKeys/" + gen("{{uuid}}");
            String pem = "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEI" + gen("{{base64:55}}") + "\\n" + gen("{{base64:64}}") + "\\n"
                    + gen("{{base64:36}}") + "==\\n-----END EC PRIVATE KEY-----\\n";
            String json = "{\n   \"name\": \"" + name + "\",\n   \"privateKey\": \"" + pem + "\"\n}\n";
            add("cdp" + i + "/keys/cdp_api_key.json", json,
                    new Planted("coinbase", Map.of("key", name), "cdp-ecdsa", "cdp" + i + "/keys/cdp_api_key.json", null), 0);

            String id = gen("{{uuid}}");
            String key = gen("{{base64:86}}==");
            String ed = "{\n  \"id\": \"" + id + "\",\n  \"privateKey\": \"" + key + "\"\n}\n";
            // A neutral file name: the {"id", "privateKey"} layout alone says Coinbase.
            add("cdped" + i + "/secrets/key.json", ed,
                    new Planted("coinbase", Map.of("key", id, "secret", key), "cdp-ed25519", "cdped" + i + "/secrets/key.json", null), 0);
        }
    }

    /** Exchange keys that are PEM private keys, and the wallet and alerting secrets found next to bots. */
    private void walletKinds() {
        for (int i = 0; i < 6; i++) {
            String name = "organizations/" + gen("{{uuid}}") + "/apiKeys/" + gen("{{uuid}}");
            String pem = gen("{{ec-p256-pem:escaped}}");
            String json = "{\n   \"name\": \"" + name + "\",\n   \"privateKey\": \"" + pem + "\"\n}\n";
            String path = "cdpw" + i + "/cdp_api_key.json";
            add(path, json, new Planted("coinbase", Map.of("key", name, "private-key", pem), "cdp-ecdsa-pem", path, null), 0);

            String key = gen("{{alnum:64}}");
            String ed = gen("{{ed25519-pem:escaped}}");
            String tg = gen("{{telegram}}");
            String hook = gen("{{discord-webhook}}");
            String ft = "{\n    \"exchange\": {\n        \"name\": \"binance\",\n        \"key\": \"" + key + "\",\n"
                    + "        \"secret\": \"" + ed + "\",\n        \"pair_whitelist\": []\n    },\n"
                    + "    \"telegram\": {\n        \"enabled\": true,\n        \"token\": \"" + tg + "\",\n        \"chat_id\": \""
                    + gen("{{digits:9}}") + "\"\n    },\n    \"discord\": {\"enabled\": true, \"webhook_url\": \"" + hook + "\"}\n}\n";
            String fpath = "ftpem" + i + "/user_data/config.json";
            files.add(new CorpusFile(fpath, ft, List.of(
                    new Planted("binance", Map.of("key", key, "private-key", ed), "freqtrade-ed25519", fpath, null),
                    new Planted("telegram", Map.of("token", tg), "freqtrade-telegram", fpath, null),
                    new Planted("discord", Map.of("webhook", hook), "freqtrade-discord", fpath, null)), 1));

            String evm = gen("{{evm}}");
            String words = gen("{{bip39:12}}");
            String env = "HYPERLIQUID_ACCOUNT_ADDRESS=0x" + gen("{{hex:40}}") + "\nHYPERLIQUID_PRIVATE_KEY=" + evm
                    + "\nMNEMONIC=\"" + words + "\"\nTX_HASH=0x" + gen("{{hex:64}}") + "\n";
            String epath = "dex" + i + "/.env";
            files.add(new CorpusFile(epath, env, List.of(new Planted("ethereum", Map.of("private-key", evm), "evm-key", epath, null),
                    new Planted("bip39", Map.of("mnemonic", words), "mnemonic", epath, null)), 2));
        }
    }

    /** Files with no credential at all: every finding in them is a false alarm. */
    private void negatives() {
        for (int i = 0; i < 12; i++) {
            StringBuilder lock = new StringBuilder("{\n  \"name\": \"bot\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n");
            for (int j = 0; j < 10; j++) {
                lock.append("    \"node_modules/pkg").append(j).append("\": {\n      \"version\": \"1.").append(j).append(".0\",\n")
                        .append("      \"resolved\": \"https://registry.npmjs.org/pkg").append(j).append("/-/pkg-1.0.0.tgz\",\n")
                        .append("      \"integrity\": \"sha512-").append(gen("{{base64:86}}")).append("==\",\n")
                        .append("      \"key\": \"").append(gen("{{alnum:64}}")).append("\"\n    },\n");
            }
            lock.append("    \"\": {}\n  }\n}\n");
            add("neg" + i + "/package-lock.json", lock.toString(), null, 20);

            String yarn = "pkg@^1.0.0:\n  version \"1.0.0\"\n  resolved \"https://registry.yarnpkg.com/pkg/-/pkg-1.0.0.tgz#" + gen("{{hex:40}}")
                    + "\"\n  integrity sha512-" + gen("{{base64:86}}") + "==\n";
            add("neg" + i + "/yarn.lock", yarn, null, 2);

            StringBuilder py = new StringBuilder("import os\nimport ccxt\n\n");
            py.append("exchange = ccxt.binance({\n    'apiKey': os.getenv('BINANCE_API_KEY'),\n    'secret': os.environ['BINANCE_API_SECRET'],\n})\n");
            py.append("OKX_SECRET = os.getenv(\"OKX_SECRET_KEY\")\n");
            py.append("api_key_hash = \"").append(gen("{{hex:64}}")).append("\"\n");
            py.append("secret_sha256 = '").append(gen("{{hex:64}}")).append("'\n");
            py.append("tx_hash = \"0x").append(gen("{{hex:64}}")).append("\"\n");
            py.append("wallet_address = \"0x").append(gen("{{hex:40}}")).append("\"\n");
            py.append("public_key = \"MCowBQYDK2VwAyEA").append(gen("{{base64:43}}")).append("=\"\n");
            py.append("order = {'orderId': '").append(gen("{{uuid}}")).append("', 'clientOrderId': '").append(gen("{{uuid}}")).append("'}\n");
            py.append("request_id = \"").append(gen("{{uuid}}")).append("\"\n");
            py.append("api_key = 'YOUR_API_KEY'\napi_secret = \"your_exchange_secret\"\npassword = 'changeme'\n");
            py.append("token_icon = 'data:image/png;base64,").append(gen("{{base64:120}}")).append("'\n");
            py.append("secret_key_signature = '").append(gen("{{hex:64}}")).append("'\n");
            py.append("token_address = \"0x").append(gen("{{hex:40}}")).append("\"\n");
            py.append("PUBLIC_KEY = \"").append(gen("{{base64:43}}")).append("=\"\n");
            py.append("order_key = \"").append(gen("{{uuid}}")).append("\"\n");
            py.append("request_token = '").append(gen("{{uuid}}")).append("'\n");
            py.append("git_token_sha = '").append(gen("{{hex:40}}")).append("'\n");
            py.append("api_key_checksum = '").append(gen("{{alnum:64}}")).append("'\n");
            py.append("secret = process.env.KRAKEN_SECRET\n");
            py.append("api_key = config.binance.apiKey\n");
            py.append("session_nonce_key = '").append(gen("{{hex:32}}")).append("'\n");
            py.append("cache_key = '").append(gen("{{hex:32}}")).append("'\n");
            py.append("partition_key = \"").append(gen("{{uuid}}")).append("\"\n");
            py.append("primary_key_sha1 = '").append(gen("{{hex:40}}")).append("'\n");
            add("neg" + i + "/tools/util.py", py.toString(), null, 26);

            String sample = "{\n  \"code\": \"0\",\n  \"data\": [{\n    \"ordId\": \"" + gen("{{digits:18}}") + "\",\n"
                    + "    \"clOrdId\": \"" + gen("{{alnum:32}}") + "\",\n    \"idempotencyKey\": \"" + gen("{{uuid}}") + "\",\n"
                    + "    \"txHash\": \"0x" + gen("{{hex:64}}") + "\",\n    \"requestKey\": \"" + gen("{{hex:32}}") + "\",\n"
                    + "    \"signature\": \"" + gen("{{base64:43}}") + "=\",\n    \"pubKey\": \"" + gen("{{base64:43}}") + "=\"\n  }]\n}\n";
            add("neg" + i + "/docs/samples/order-response.json", sample, null, 7);

            String wf = "name: deploy\non: [push]\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - uses: actions/checkout@" + gen("{{hex:40}}") + "\n      - run: python bot.py\n        env:\n"
                    + "          BINANCE_API_KEY: ${{ secrets.BINANCE_API_KEY }}\n          BINANCE_API_SECRET: ${{ secrets.BINANCE_API_SECRET }}\n"
                    + "          KRAKEN_PRIVATE_KEY: ${{ secrets.KRAKEN_PRIVATE_KEY }}\n";
            add("neg" + i + "/.github/workflows/deploy.yml", wf, null, 4);

            String doc = "# Signed endpoint example\n\n```\ncurl -H \"X-MBX-APIKEY: ${API_KEY}\" -X POST "
                    + "'https://api.binance.com/api/v3/order?symbol=LTCBTC&side=BUY&timestamp=1499827319559&signature=" + gen("{{hex:64}}") + "'\n```\n\n"
                    + "Response: `{\"orderId\": 28, \"clientOrderId\": \"" + gen("{{alnum:22}}") + "\", \"transactTime\": 1507725176595}`\n"
                    + "Commit " + gen("{{hex:40}}") + " fixed the signer.\n"
                    + "\"freqtrade\": {\"key\": \"your_exchange_key\", \"secret\": \"your_exchange_secret\"}\n"
                    + "OKX_SECRET_KEY=<your secret>\n";
            add("neg" + i + "/docs/signing.md", doc, null, 6);

            StringBuilder min = new StringBuilder("!function(e){var t={};");
            for (int j = 0; j < 40; j++) {
                min.append("t.m").append(j).append("=function(n){return n*").append(j).append("};");
            }
            min.append("var c={apiKey:\"").append(gen("{{alnum:39}}")).append("\",authDomain:\"app.example.com\",appId:\"")
                    .append(gen("{{hex:32}}")).append("\",secret:\"").append(gen("{{hex:64}}")).append("\"};");
            for (int j = 0; j < 40; j++) {
                min.append("e.f").append(j).append("=function(a,b){return a+b+").append(j).append("};");
            }
            min.append("}(window);\n");
            add("neg" + i + "/dist/app.min.js", min.toString(), null, 3);

            String ts = "export const config = {\n  i18nKey: 'settings.api.key',\n  tokenStorageKey: 'auth_token',\n"
                    + "  passwordMinLength: 12,\n  secretName: 'projects/bot/secrets/binance-api-secret/versions/latest',\n"
                    + "  etag: '" + gen("{{hex:32}}") + "',\n  checksum: '" + gen("{{hex:64}}") + "',\n};\n";
            add("neg" + i + "/web/config.ts", ts, null, 2);

            String docker = "FROM python:3.12-slim@sha256:" + gen("{{hex:64}}") + "\nENV BINANCE_API_KEY=\"\"\nENV BINANCE_API_SECRET=\"\"\n"
                    + "RUN echo \"" + gen("{{hex:64}}") + "  requirements.txt\" | sha256sum -c -\n";
            add("neg" + i + "/Dockerfile", docker, null, 2);
        }
    }
}
