package dev.keyhound.detect.validate;

import java.io.ByteArrayOutputStream;
import dev.keyhound.detect.PlaceholderFilter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Example-placeholder kinds for checksummed and structured secrets, registered into
 * {@code ExampleTemplate}: every expansion is a fresh random value that passes its validator
 * (or, for PEM keys, a real key made by the JDK), so rule examples stay free of literal secrets.
 *
 * <p>Kinds (argument after the colon, several joined with commas):
 * {@code bip39:N} (N words), {@code wif[:uncompressed|testnet|testnet-uncompressed]},
 * {@code xprv[:tprv|yprv|zprv|Yprv|Zprv|uprv|vprv]}, {@code solana}, {@code solana-json[:spaced]},
 * {@code evm} (0x + 64 hex), {@code ed25519-pem}, {@code ec-p256-pem}, {@code rsa-pem[:pkcs1]}, {@code dsa-pem},
 * {@code openssh-pem[:encrypted]}, {@code encrypted-pem[:legacy]} (PEMs also take {@code escaped}
 * for a one-line JSON string with literal \n, or {@code body} for the base64 body alone),
 * {@code pgp-private-key[:escaped]}, {@code telegram}, {@code discord-webhook}, {@code discord-bot-token}, {@code snowflake},
 * {@code hummingbot-encrypted}.
 */
public final class WalletExamples {
    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] P256_OID = HexFormat.of().parseHex("06082a8648ce3d030107");

    private WalletExamples() {
    }

    public static Map<String, BiFunction<String, Random, String>> generators() {
        Map<String, BiFunction<String, Random, String>> all = Map.ofEntries(
                Map.entry("bip39", (arg, r) -> Bip39.random(arg == null || arg.isBlank() ? 12 : Integer.parseInt(arg.trim()), r)),
                Map.entry("wif", WalletExamples::wif),
                Map.entry("xprv", WalletExamples::xprv),
                Map.entry("solana", (arg, r) -> Base58.encode(solanaKeypair(r))),
                Map.entry("solana-json", WalletExamples::solanaJson),
                Map.entry("evm", (arg, r) -> "0x" + HexFormat.of().formatHex(secp256k1Key(r))),
                Map.entry("ed25519-pem", (arg, r) -> pem("PRIVATE KEY", ed25519Pkcs8(r), args(arg))),
                Map.entry("ec-p256-pem", (arg, r) -> pem("EC PRIVATE KEY", p256Sec1(r), args(arg))),
                Map.entry("rsa-pem", WalletExamples::rsaPem),
                Map.entry("dsa-pem", (arg, r) -> pem("DSA PRIVATE KEY", dsaTraditional(r), args(arg))),
                Map.entry("openssh-pem", WalletExamples::opensshPem),
                Map.entry("encrypted-pem", WalletExamples::encryptedPem),
                Map.entry("pgp-private-key", WalletExamples::pgpPrivateKey),
                Map.entry("telegram", (arg, r) -> digits(8 + r.nextInt(3), r) + ":AA" + pick(B64URL, 33, r)),
                Map.entry("snowflake", (arg, r) -> digits(19, r)),
                Map.entry("discord-webhook", WalletExamples::discordWebhook),
                Map.entry("discord-bot-token", WalletExamples::discordBotToken),
                Map.entry("hummingbot-encrypted", WalletExamples::hummingbotEncrypted));
        Map<String, BiFunction<String, Random, String>> out = new java.util.HashMap<>();
        all.forEach((kind, gen) -> out.put(kind, unlikePlaceholder(gen)));
        return Map.copyOf(out);
    }

    /**
     * Draws again when a value trips the engine's placeholder filter (a BIP39 phrase with the
     * word "example", hex with a run of 8 equal digits): real secrets do that rarely, and a rule
     * check must not fail by the luck of the draw. Gives up after a few draws, for kinds that
     * always look so (a whole unencrypted OpenSSH PEM).
     */
    private static BiFunction<String, Random, String> unlikePlaceholder(BiFunction<String, Random, String> gen) {
        return (arg, r) -> {
            String value = gen.apply(arg, r);
            for (int i = 0; i < 8 && PlaceholderFilter.isPlaceholder(value); i++) {
                value = gen.apply(arg, r);
            }
            return value;
        };
    }

    private static String wif(String arg, Random r) {
        Set<String> a = args(arg);
        boolean testnet = a.contains("testnet") || a.contains("testnet-uncompressed");
        boolean compressed = !a.contains("uncompressed") && !a.contains("testnet-uncompressed");
        byte[] payload = new byte[compressed ? 34 : 33];
        payload[0] = (byte) (testnet ? Bitcoin.WIF_TESTNET : Bitcoin.WIF_MAINNET);
        System.arraycopy(secp256k1Key(r), 0, payload, 1, 32);
        if (compressed) {
            payload[33] = 1;
        }
        return Base58.encodeChecked(payload);
    }

    private static String xprv(String arg, Random r) {
        String prefix = arg == null || arg.isBlank() ? "xprv" : arg.trim();
        Integer version = Bitcoin.XPRV_VERSIONS.get(prefix);
        if (version == null) {
            throw new IllegalArgumentException("unknown extended private key prefix '" + prefix + "'");
        }
        byte[] p = new byte[78];
        p[0] = (byte) (version >>> 24);
        p[1] = (byte) (version >>> 16);
        p[2] = (byte) (version >>> 8);
        p[3] = (byte) (int) version;
        int depth = r.nextInt(4);
        p[4] = (byte) depth;
        if (depth > 0) {
            byte[] parentAndChild = new byte[8];
            r.nextBytes(parentAndChild);
            System.arraycopy(parentAndChild, 0, p, 5, 8);
        }
        byte[] chainCode = new byte[32];
        r.nextBytes(chainCode);
        System.arraycopy(chainCode, 0, p, 13, 32);
        System.arraycopy(secp256k1Key(r), 0, p, 46, 32);
        return Base58.encodeChecked(p);
    }

    static byte[] solanaKeypair(Random r) {
        byte[] seed = new byte[32];
        r.nextBytes(seed);
        byte[] kp = Arrays.copyOf(seed, 64);
        System.arraycopy(Ed25519.publicKey(seed), 0, kp, 32, 32);
        return kp;
    }

    private static String solanaJson(String arg, Random r) {
        byte[] kp = solanaKeypair(r);
        String sep = args(arg).contains("spaced") ? ", " : ",";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < kp.length; i++) {
            sb.append(i == 0 ? "" : sep).append(kp[i] & 0xff);
        }
        return sb.append(']').toString();
    }

    /** 32 random bytes that are a valid secp256k1 key and no repeating placeholder pattern. */
    static byte[] secp256k1Key(Random r) {
        byte[] k = new byte[32];
        do {
            r.nextBytes(k);
        } while (!EvmPrivateKey.isValid(HexFormat.of().formatHex(k)));
        return k;
    }

    private static byte[] ed25519Pkcs8(Random r) {
        byte[] seed = new byte[32];
        r.nextBytes(seed);
        return concat(ED25519_PKCS8_PREFIX, seed);
    }

    /** SEC1 ECPrivateKey with parameters and public key, as OpenSSL and Coinbase CDP write it ("MHcCAQEEI..."). */
    private static byte[] p256Sec1(Random r) {
        KeyPair kp = generate("EC", r, g -> g.initialize(new ECGenParameterSpec("secp256r1"), seeded(r)));
        byte[] d = fixed(((ECPrivateKey) kp.getPrivate()).getS(), 32);
        var w = ((ECPublicKey) kp.getPublic()).getW();
        byte[] point = concat(new byte[] {0x00, 0x04}, fixed(w.getAffineX(), 32), fixed(w.getAffineY(), 32));
        byte[] body = concat(
                der(0x02, new byte[] {1}),
                der(0x04, d),
                der(0xa0, P256_OID),
                der(0xa1, der(0x03, point)));
        return der(0x30, body);
    }

    private static String rsaPem(String arg, Random r) {
        Set<String> a = args(arg);
        KeyPair kp = generate("RSA", r, g -> g.initialize(2048, seeded(r)));
        byte[] pkcs8 = kp.getPrivate().getEncoded();
        return a.contains("pkcs1") ? pem("RSA PRIVATE KEY", pkcs1Of(pkcs8), a) : pem("PRIVATE KEY", pkcs8, a);
    }

    /** OpenSSL's traditional DSA key (old id_dsa files): SEQUENCE { 0, p, q, g, y, x }. */
    private static byte[] dsaTraditional(Random r) {
        KeyPair kp = generate("DSA", r, g -> g.initialize(1024, seeded(r)));
        var priv = (java.security.interfaces.DSAPrivateKey) kp.getPrivate();
        var params = priv.getParams();
        BigInteger y = params.getG().modPow(priv.getX(), params.getP());
        return der(0x30, concat(der(0x02, new byte[] {0}), der(0x02, params.getP().toByteArray()),
                der(0x02, params.getQ().toByteArray()), der(0x02, params.getG().toByteArray()),
                der(0x02, y.toByteArray()), der(0x02, priv.getX().toByteArray())));
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its OCTET STRING. */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        int[] pos = {0};
        readHeader(pkcs8, pos); // outer SEQUENCE
        int skip = readHeader(pkcs8, pos); // version INTEGER
        pos[0] += skip;
        skip = readHeader(pkcs8, pos); // AlgorithmIdentifier
        pos[0] += skip;
        int len = readHeader(pkcs8, pos); // OCTET STRING
        return Arrays.copyOfRange(pkcs8, pos[0], pos[0] + len);
    }

    private static int readHeader(byte[] d, int[] pos) {
        int p = pos[0] + 1;
        int first = d[p++] & 0xff;
        int len = first;
        if (first >= 0x80) {
            len = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                len = len << 8 | (d[p++] & 0xff);
            }
        }
        pos[0] = p;
        return len;
    }

    private static String opensshPem(String arg, Random r) {
        Set<String> a = args(arg);
        boolean encrypted = a.contains("encrypted");
        byte[] seed = new byte[32];
        r.nextBytes(seed);
        byte[] pub = Ed25519.publicKey(seed);
        byte[] pubBlob = concat(sshString("ssh-ed25519"), sshString(pub));
        ByteArrayOutputStream priv = new ByteArrayOutputStream();
        int check = r.nextInt();
        priv.writeBytes(uint32(check));
        priv.writeBytes(uint32(check));
        priv.writeBytes(pubBlob);
        priv.writeBytes(sshString(concat(seed, pub)));
        priv.writeBytes(sshString("keyhound-example"));
        for (int pad = 1; priv.size() % 16 != 0; pad++) {
            priv.write(pad);
        }
        byte[] privBlock = priv.toByteArray();
        byte[] kdfOptions = new byte[0];
        if (encrypted) {
            byte[] salt = new byte[16];
            r.nextBytes(salt);
            kdfOptions = concat(sshString(salt), uint32(16));
            r.nextBytes(privBlock); // stands in for the AES-256-CTR ciphertext
        }
        byte[] all = concat(
                "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII),
                sshString(encrypted ? "aes256-ctr" : "none"),
                sshString(encrypted ? "bcrypt" : "none"),
                sshString(kdfOptions),
                uint32(1),
                sshString(pubBlob),
                sshString(privBlock));
        String pem = pem("OPENSSH PRIVATE KEY", all, a, 70);
        if (a.contains("tail")) {
            // the body after the fixed header of unencrypted keys, without the END line: rule
            // examples put the header and END line around it (see rules/private-key.toml)
            String body = pem.substring(pem.indexOf('\n') + 1, pem.lastIndexOf("-----END"));
            return body.substring(OPENSSH_NONE_HEADER.length()).stripTrailing();
        }
        return pem;
    }

    /** The first base64 characters of every unencrypted OpenSSH key ("openssh-key-v1", none, none, "", 1 key). */
    static final String OPENSSH_NONE_HEADER = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA";

    private static String encryptedPem(String arg, Random r) {
        Set<String> a = args(arg);
        if (a.contains("legacy")) {
            byte[] iv = new byte[16];
            r.nextBytes(iv);
            byte[] ciphertext = new byte[1200];
            r.nextBytes(ciphertext);
            String nl = a.contains("escaped") ? "\\n" : "\n";
            String lines = String.join(nl, Base64.getEncoder().encodeToString(ciphertext).split("(?<=\\G.{64})"));
            return "-----BEGIN RSA PRIVATE KEY-----" + nl + "Proc-Type: 4,ENCRYPTED" + nl + "DEK-Info: AES-128-CBC,"
                    + HexFormat.of().withUpperCase().formatHex(iv) + nl + nl + lines + nl + "-----END RSA PRIVATE KEY-----";
        }
        // PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) EncryptedPrivateKeyInfo, as "openssl pkcs8 -topk8" writes it
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        byte[] ciphertext = new byte[160];
        r.nextBytes(salt);
        r.nextBytes(iv);
        r.nextBytes(ciphertext);
        HexFormat hex = HexFormat.of();
        byte[] pbkdf2 = der(0x30, concat(hex.parseHex("06092a864886f70d01050c"),
                der(0x30, concat(der(0x04, salt), der(0x02, new byte[] {0x08, 0x00}), hex.parseHex("300c06082a864886f70d02090500")))));
        byte[] cipher = der(0x30, concat(hex.parseHex("060960864801650304012a"), der(0x04, iv)));
        byte[] algorithm = der(0x30, concat(hex.parseHex("06092a864886f70d01050d"), der(0x30, concat(pbkdf2, cipher))));
        return pem("ENCRYPTED PRIVATE KEY", der(0x30, concat(algorithm, der(0x04, ciphertext))), a);
    }

    /** Argument: the host ({@code discordapp.com}, {@code ptb.discord.com}, ...) and/or {@code v10} for a versioned path. */
    private static String discordWebhook(String arg, Random r) {
        Set<String> a = args(arg);
        String host = a.stream().filter(x -> x.contains(".")).findFirst().orElse("discord.com");
        String version = a.stream().filter(x -> x.matches("v\\d+")).findFirst().map(v -> "/" + v).orElse("");
        return "https://" + host + "/api" + version + "/webhooks/" + digits(17 + r.nextInt(4), r) + "/" + pick(B64URL, 68, r);
    }

    /** An ASCII-armored secret-key block with a random body (its structure is not checked). */
    private static String pgpPrivateKey(String arg, Random r) {
        String nl = args(arg).contains("escaped") ? "\\n" : "\n";
        byte[] packet = bytes(900, r);
        packet[0] = (byte) 0x95; // old-format secret-key packet tag
        String body = String.join(nl, Base64.getEncoder().encodeToString(packet).split("(?<=\\G.{64})"));
        return "-----BEGIN PGP PRIVATE KEY BLOCK-----" + nl + nl + body + nl + "=" + pick(B64URL.substring(0, 62), 4, r)
                + nl + "-----END PGP PRIVATE KEY BLOCK-----";
    }

    private static String discordBotToken(String arg, Random r) {
        String id = Base64.getEncoder().withoutPadding().encodeToString(digits(18 + r.nextInt(2), r).getBytes(StandardCharsets.US_ASCII));
        return id + "." + pick(B64URL, 6, r) + "." + pick(B64URL, 38, r);
    }

    /** hummingbot's conf/connectors/*.yml values: hex of an Ethereum v3 keystore JSON. */
    private static String hummingbotEncrypted(String arg, Random r) {
        HexFormat hex = HexFormat.of();
        String json = "{\"crypto\": {\"cipher\": \"aes-128-ctr\", \"cipherparams\": {\"iv\": \"" + hex.formatHex(bytes(16, r))
                + "\"}, \"ciphertext\": \"" + hex.formatHex(bytes(48, r)) + "\", \"kdf\": \"pbkdf2\", \"kdfparams\": {\"c\": 1000000, \"dklen\": 32, \"prf\": \"hmac-sha256\", \"salt\": \""
                + hex.formatHex(bytes(16, r)) + "\"}, \"mac\": \"" + hex.formatHex(bytes(32, r)) + "\"}, \"version\": 3, \"alias\": \"\"}";
        return hex.formatHex(json.getBytes(StandardCharsets.UTF_8));
    }

    // --- helpers ---------------------------------------------------------------------------

    private static String pem(String label, byte[] der, Set<String> args) {
        return pem(label, der, args, 64);
    }

    private static String pem(String label, byte[] der, Set<String> args, int width) {
        String body = Base64.getEncoder().encodeToString(der);
        if (args.contains("body")) {
            return body;
        }
        String nl = args.contains("escaped") ? "\\n" : "\n";
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(label).append("-----").append(nl);
        for (int i = 0; i < body.length(); i += width) {
            sb.append(body, i, Math.min(body.length(), i + width)).append(nl);
        }
        return sb.append("-----END ").append(label).append("-----").toString();
    }

    private static Set<String> args(String arg) {
        if (arg == null || arg.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(List.of(arg.trim().split("\\s*,\\s*")));
    }

    private interface Init {
        void apply(KeyPairGenerator generator) throws GeneralSecurityException;
    }

    private static KeyPair generate(String algorithm, Random r, Init init) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            init.apply(g);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
        }
    }

    /** A SecureRandom derived from the example Random, so a seeded test run makes the same keys. */
    private static SecureRandom seeded(Random r) {
        try {
            SecureRandom s = SecureRandom.getInstance("SHA1PRNG");
            s.setSeed(r.nextLong());
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] len = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, len, content);
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
        return out;
    }

    private static byte[] sshString(String s) {
        return sshString(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sshString(byte[] b) {
        return concat(uint32(b.length), b);
    }

    private static byte[] uint32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int n, Random r) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static String digits(int n, Random r) {
        StringBuilder sb = new StringBuilder(n).append((char) ('1' + r.nextInt(9)));
        while (sb.length() < n) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** n chars drawn from alphabet: the one random-string generator of rule examples. */
    public static String pick(String alphabet, int n, Random r) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
