package dev.keyhound.finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * .keyhoundignore: one fingerprint per line, '#' comments, optional trailing "# reason".
 *
 * <pre>
 * # keyhound ignore file: one finding fingerprint per line
 * 3f1c...e9a0  # test fixture, key revoked 2024-05
 * </pre>
 *
 * Fingerprints are the 64 hex digits every report prints; they do not depend on path, line or
 * commit, so an entry survives moves, reformatting and rebases. An error message never repeats
 * the offending line: someone may have pasted the secret itself there.
 * OWNER: findings helper.
 */
public final class IgnoreFile {
    /** The file name keyhound looks for at the root of the scanned directory or repository. */
    public static final String FILE_NAME = ".keyhoundignore";

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{64}");

    /** fingerprint -> reason ("" when none), in file order. */
    private final Map<String, String> entries;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private IgnoreFile(Map<String, String> entries) {
        this.entries = entries;
    }

    /** An absent file is an empty ignore file. A malformed line is a one-line IOException naming file and line. */
    public static IgnoreFile load(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return empty();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Entry e = parse(lines.get(i));
            if (e == BAD) {
                throw new IOException(file + ":" + (i + 1)
                        + ": not a fingerprint (expected 64 hex digits, then an optional '# reason')");
            }
            if (e != null) {
                entries.putIfAbsent(e.fingerprint, e.reason);
            }
        }
        return new IgnoreFile(entries);
    }

    public static IgnoreFile empty() {
        return new IgnoreFile(Map.of());
    }

    /** True when the fingerprint is listed; records the use for {@link #unused()}. Thread-safe. */
    public boolean ignores(String fingerprint) {
        String fp = fingerprint.toLowerCase(Locale.ROOT);
        if (entries.containsKey(fp)) {
            used.add(fp);
            return true;
        }
        return false;
    }

    /** Entries that matched nothing during this scan, in file order. */
    public List<String> unused() {
        List<String> out = new ArrayList<>();
        for (String fp : entries.keySet()) {
            if (!used.contains(fp)) {
                out.add(fp);
            }
        }
        return out;
    }

    /** The reason written after the fingerprint, "" when none, null when not listed. */
    public String reason(String fingerprint) {
        return entries.get(fingerprint.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return entries.size();
    }

    /** Appends an entry (creating the file), unless already present; returns false when it was. */
    public static boolean append(Path file, String fingerprint, String reason) throws IOException {
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint.trim()).matches()) {
            throw new IOException("not a fingerprint (expected 64 hex digits)");
        }
        String fp = fingerprint.trim().toLowerCase(Locale.ROOT);
        if (load(file).entries.containsKey(fp)) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        if (Files.exists(file)) {
            byte[] existing = Files.readAllBytes(file);
            if (existing.length > 0 && existing[existing.length - 1] != '\n') {
                text.append('\n');
            }
        } else {
            text.append("# keyhound ignore file: one finding fingerprint per line, then an optional '# reason'\n");
        }
        text.append(fp);
        String why = reason == null ? "" : reason.replaceAll("[\\r\\n]+", " ").strip();
        if (!why.isEmpty()) {
            text.append("  # ").append(why);
        }
        text.append('\n');
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return true;
    }

    private record Entry(String fingerprint, String reason) {
    }

    private static final Entry BAD = new Entry("", "");

    /** null for a blank or comment line, BAD for a malformed one. */
    private static Entry parse(String line) {
        String text = line.strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        String reason = "";
        int hash = text.indexOf('#');
        if (hash >= 0) {
            reason = text.substring(hash + 1).strip();
            text = text.substring(0, hash).strip();
        }
        if (!FINGERPRINT.matcher(text).matches()) {
            return BAD;
        }
        return new Entry(text.toLowerCase(Locale.ROOT), reason);
    }
}
