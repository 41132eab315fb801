package dev.keyhound.detect.context;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Publicly documented example values (exchange docs, Hardhat accounts, BIP39/BIP32 test vectors),
 * kept only as SHA-256 fingerprints so the repository never holds the values themselves.
 */
public final class KnownExamples {
    public static final String RESOURCE = "/keyhound/known-examples.tsv";
    private static volatile KnownExamples builtIn;
    private final Map<String, String> noteBySha256;

    public KnownExamples(Map<String, String> noteBySha256) {
        this.noteBySha256 = Map.copyOf(noteBySha256);
    }

    // Locked, as RuleSet.builtIn is: a scan arriving while the CLI's warm-up thread loads waits
    // for that load instead of parsing the file a second time.
    public static synchronized KnownExamples builtIn() {
        KnownExamples k = builtIn;
        if (k == null) {
            Map<String, String> notes = new HashMap<>();
            try (InputStream in = KnownExamples.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    for (String line; (line = r.readLine()) != null; ) {
                        int tab = line.indexOf('\t');
                        if (!line.startsWith("#") && tab > 0) {
                            notes.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            k = new KnownExamples(notes);
            builtIn = k;
        }
        return k;
    }

    /** The note for a known public value ("public documentation example (...)"), if it is one. */
    public Optional<String> note(String value) {
        return Optional.ofNullable(noteBySha256.get(sha256(value)));
    }

    public static String sha256(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
