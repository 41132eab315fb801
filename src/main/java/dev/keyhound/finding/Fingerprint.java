package dev.keyhound.finding;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Match;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a finding: SHA-256 over the rule id and the secret of each part, in part order.
 * It never includes a path, line, commit or blob, so a moved, rebased or reformatted secret keeps it.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Credential credential) {
        MessageDigest sha = sha256();
        for (Match part : credential.parts()) {
            update(sha, part.ruleId());
            update(sha, part.secret());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public static String of(String ruleId, String secret) {
        MessageDigest sha = sha256();
        update(sha, ruleId);
        update(sha, secret);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
