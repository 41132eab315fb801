package dev.keyhound.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Compiled Hyperscan databases kept on disk between runs, one file per pattern. Compiling the
 * regexes a history scan asks about costs about a second of CPU per run (hummingbot: 1.1 s, a
 * twentieth of the whole scan); reading them back costs milliseconds. rspamd keeps its Hyperscan
 * databases the same way.
 *
 * <p>A file is named by a digest of everything its database depends on (the Hyperscan version,
 * the CPU features and tuning it compiles for on this host, the flags, the mode and the pattern)
 * and holds a digest of its own bytes, so a damaged or foreign file is never used: the
 * pattern is compiled again and the file rewritten. Writes go to a temporary file that is moved
 * into place, so concurrent runs never read half a file. Every I/O problem just means no cache.
 *
 * <p>Where: {@code KEYHOUND_CACHE_DIR} (or the system property {@code keyhound.cache.dir}); "off"
 * turns the cache off. Otherwise the platform's user cache directory: {@code $XDG_CACHE_HOME} or
 * {@code ~/.cache} on Linux, {@code ~/Library/Caches} on macOS, {@code %LOCALAPPDATA%} on Windows,
 * each with a {@code keyhound} subdirectory.
 */
final class HyperscanCache {
    private static final int DIGEST_LENGTH = 32;
    /** Null when caching is off. */
    private final Path dir;

    HyperscanCache(Path dir) {
        this.dir = dir;
    }

    /** The cache the environment asks for (see the class comment), or one that is off. */
    static HyperscanCache fromEnvironment() {
        return new HyperscanCache(directory(System.getProperty("keyhound.cache.dir"), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home")));
    }

    /** The directory for the databases, or null for no cache. */
    static Path directory(String property, Map<String, String> env, String osName, String home) {
        String chosen = property != null ? property : env.get("KEYHOUND_CACHE_DIR");
        if (chosen != null) {
            return chosen.isBlank() || chosen.equalsIgnoreCase("off") ? null : Path.of(chosen).resolve("hyperscan");
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path base;
        if (os.startsWith("windows") && env.get("LOCALAPPDATA") != null) {
            base = Path.of(env.get("LOCALAPPDATA"));
        } else if (os.startsWith("mac") && home != null) {
            base = Path.of(home, "Library", "Caches");
        } else if (env.get("XDG_CACHE_HOME") != null && !env.get("XDG_CACHE_HOME").isBlank()) {
            base = Path.of(env.get("XDG_CACHE_HOME"));
        } else if (home != null) {
            base = Path.of(home, ".cache");
        } else {
            return null;
        }
        return base.resolve("keyhound").resolve("hyperscan");
    }

    boolean enabled() {
        return dir != null;
    }

    /** The file a database compiled from key (all that it depends on) is kept in. */
    Path fileFor(String key) {
        return dir.resolve(HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8))) + ".hsdb");
    }

    /** The serialized database kept for key, or null when there is none or it is damaged. */
    byte[] load(String key) {
        if (dir == null) {
            return null;
        }
        byte[] file;
        try {
            file = Files.readAllBytes(fileFor(key));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (file.length <= DIGEST_LENGTH) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(file, DIGEST_LENGTH, file.length);
        return Arrays.equals(sha256(payload), 0, DIGEST_LENGTH, file, 0, DIGEST_LENGTH) ? payload : null;
    }

    /** Keeps a serialized database for key; quietly does nothing when it cannot. */
    void store(String key, byte[] serialized) {
        if (dir == null) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            Path target = fileFor(key);
            tmp = Files.createTempFile(dir, "tmp-", ".hsdb");
            byte[] file = new byte[DIGEST_LENGTH + serialized.length];
            System.arraycopy(sha256(serialized), 0, file, 0, DIGEST_LENGTH);
            System.arraycopy(serialized, 0, file, DIGEST_LENGTH, serialized.length);
            Files.write(tmp, file);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // no cache this time: the database in hand is used as it is
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a stray temporary file in the cache directory is harmless
                }
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
