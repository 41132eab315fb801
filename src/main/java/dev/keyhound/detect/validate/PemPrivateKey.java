package dev.keyhound.detect.validate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Structure check of a PEM private key (or of a bare base64 DER body): the body decodes, and its
 * DER (or OpenSSH) start fits the declared type, with the outer length matching the data. This
 * drops documentation placeholders ("MIIE...", elided bodies, "&lt;your key&gt;") that a regex
 * cannot tell from a key. Literal {@code \n} escapes (a PEM inside a JSON string) are accepted.
 */
public final class PemPrivateKey {
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private PemPrivateKey() {
    }

    public static boolean isValid(String text) {
        String t = unescape(text);
        int begin = t.indexOf("-----BEGIN ");
        if (begin < 0) {
            byte[] der = decodeBase64(t);
            return der != null && derSequenceLength(der) == der.length;
        }
        int labelEnd = t.indexOf("-----", begin + 11);
        if (labelEnd < 0) {
            return false;
        }
        String label = t.substring(begin + 11, labelEnd).trim().toUpperCase(Locale.ROOT);
        int bodyStart = labelEnd + 5;
        int end = t.indexOf("-----END", bodyStart);
        String body = end < 0 ? t.substring(bodyStart) : t.substring(bodyStart, end);
        if (body.contains("Proc-Type:") || label.startsWith("PGP ") || label.startsWith("SSH2 ")) {
            // legacy encrypted PEM, PGP armor and ssh.com keys carry header lines; the body is not DER
            return !stripHeaders(body).isBlank();
        }
        byte[] data = decodeBase64(body);
        if (data == null) {
            return false;
        }
        if (label.equals("OPENSSH PRIVATE KEY")) {
            return startsWith(data, OPENSSH_MAGIC, 0);
        }
        int len = derSequenceLength(data);
        if (len != data.length) {
            return false;
        }
        int inner = 2 + ((data[1] & 0x80) != 0 ? data[1] & 0x7f : 0);
        return switch (label) {
            case "PRIVATE KEY" -> at(data, inner, 0x02, 0x01, 0x00, 0x30) || at(data, inner, 0x02, 0x01, 0x01, 0x30);
            case "RSA PRIVATE KEY", "DSA PRIVATE KEY" -> at(data, inner, 0x02, 0x01, 0x00, 0x02);
            case "EC PRIVATE KEY" -> at(data, inner, 0x02, 0x01, 0x01, 0x04);
            case "ENCRYPTED PRIVATE KEY" -> at(data, inner, 0x30);
            default -> true;
        };
    }

    /** Turns the literal escapes of a PEM inside a JSON/YAML/code string back into line breaks. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        return text.replace("\\\\n", "\n").replace("\\\\r", "").replace("\\n", "\n").replace("\\r", "");
    }

    private static String stripHeaders(String body) {
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n")) {
            if (line.indexOf(':') < 0) {
                sb.append(line.strip());
            }
        }
        return sb.toString();
    }

    /** The base64 body decoded, or null when it holds anything but base64 and whitespace. */
    static byte[] decodeBase64(String body) {
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c) || c == '"' && (i == 0 || i == body.length() - 1)) {
                continue;
            }
            boolean b64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=';
            if (!b64) {
                return null;
            }
            sb.append(c);
        }
        while (sb.length() % 4 != 0) {
            sb.append('=');
        }
        try {
            return Base64.getDecoder().decode(sb.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Total length (header + content) of the outer DER SEQUENCE, or -1. */
    static int derSequenceLength(byte[] d) {
        if (d.length < 2 || d[0] != 0x30) {
            return -1;
        }
        int first = d[1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int n = first & 0x7f;
        if (n == 0 || n > 3 || d.length < 2 + n) {
            return -1;
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = len << 8 | (d[2 + i] & 0xff);
        }
        return 2 + n + len;
    }

    private static boolean at(byte[] data, int offset, int... expected) {
        if (offset + expected.length > data.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, byte[] prefix, int offset) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
