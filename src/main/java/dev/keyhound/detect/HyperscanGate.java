package dev.keyhound.detect;

import static com.gliwka.hyperscan.jni.hyperscan.HS_FLAG_ALLOWEMPTY;
import static com.gliwka.hyperscan.jni.hyperscan.HS_FLAG_MULTILINE;
import static com.gliwka.hyperscan.jni.hyperscan.HS_FLAG_PREFILTER;
import static com.gliwka.hyperscan.jni.hyperscan.HS_FLAG_SINGLEMATCH;
import static com.gliwka.hyperscan.jni.hyperscan.HS_MODE_BLOCK;
import static com.gliwka.hyperscan.jni.hyperscan.HS_SUCCESS;
import static com.gliwka.hyperscan.jni.hyperscan.hs_alloc_scratch;
import static com.gliwka.hyperscan.jni.hyperscan.hs_compile;
import static com.gliwka.hyperscan.jni.hyperscan.hs_deserialize_database;
import static com.gliwka.hyperscan.jni.hyperscan.hs_free_compile_error;
import static com.gliwka.hyperscan.jni.hyperscan.hs_populate_platform;
import static com.gliwka.hyperscan.jni.hyperscan.hs_scan;
import static com.gliwka.hyperscan.jni.hyperscan.hs_serialize_database;
import static com.gliwka.hyperscan.jni.hyperscan.hs_version;

import com.gliwka.hyperscan.jni.hs_compile_error_t;
import com.gliwka.hyperscan.jni.hs_database_t;
import com.gliwka.hyperscan.jni.hs_platform_info_t;
import com.gliwka.hyperscan.jni.hs_scratch_t;
import com.gliwka.hyperscan.jni.match_event_handler;
import dev.keyhound.rules.Rule;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * Hyperscan in front of RE2/J. RE2/J is a Pike VM that reads about 10 MB/s on keyhound's rules, and
 * almost every window it reads holds no match; Hyperscan compiles the same regex to automata that
 * say "no match here" at hundreds of MB/s. So before RE2/J reads a window for a rule, the gate asks
 * Hyperscan whether the rule's regex can match in it at all, and RE2/J runs only when it can.
 *
 * <p>The gate never hides a match: it reads ASCII text as it is (where RE2's and Hyperscan's
 * character classes, case folding and {@code \b} agree), with the regex compiled in prefilter mode
 * (Hyperscan may widen a construct it cannot build, never narrow it) and multi-line ({@code ^} and
 * {@code $} also at line breaks, more places than RE2 allows without {@code (?m)}). A window with
 * other chars is judged too when the regex names none of them (no such literal, escape or Unicode
 * class): RE2 then reads every non-ASCII code point alike (none is a word char, a digit, a space or
 * a letter of an ASCII class; {@code .}, {@code \W} and negated classes take any of them), and so
 * does Hyperscan with each code point written as the one byte 0x80. The two chars that RE2's
 * {@code (?i)} folds into ASCII letters (the Kelvin sign into k, the long s into s) leave their
 * window to RE2/J. A regex Hyperscan cannot compile is passed to RE2/J as before.
 *
 * <p>The native library ships for x86-64 Linux, macOS and Windows; elsewhere, or with
 * {@code -Dkeyhound.hyperscan=false}, {@link #forRules} returns null and RE2/J runs alone. Compiled
 * databases are shared by every engine in the process and built on first use, so a scan pays only
 * for the rules it asks about, and they are kept on disk for the next run ({@link HyperscanCache}).
 */
final class HyperscanGate {
    private static final int FLAGS = HS_FLAG_MULTILINE | HS_FLAG_ALLOWEMPTY | HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH;
    private static final boolean AVAILABLE = Boolean.parseBoolean(System.getProperty("keyhound.hyperscan", "true")) && load();
    /** Per Hyperscan pattern: its database, or empty when Hyperscan cannot compile it. */
    private static final ConcurrentHashMap<String, Optional<hs_database_t>> DATABASES = new ConcurrentHashMap<>();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** One match is enough to say yes: the callback stops the scan. */
    private static final match_event_handler STOP = AVAILABLE ? new StopAtFirstMatch() : null;

    /** Per rule: the Hyperscan pattern for a window anywhere, and for a match that must start at the window's start. */
    private final String[] anywhere;
    private final String[] atStart;
    /** Per rule: whether its regex reads all non-ASCII chars alike, so such windows can be judged. */
    private final boolean[] nonAsciiAlike;

    private HyperscanGate(Rule[] rules) {
        anywhere = new String[rules.length];
        atStart = new String[rules.length];
        nonAsciiAlike = new boolean[rules.length];
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].regex() != null) {
                anywhere[i] = rules[i].regex().pattern();
                atStart[i] = "\\A(?:" + anywhere[i] + ")";
                nonAsciiAlike[i] = namesNoNonAscii(anywhere[i]);
            }
        }
    }

    /**
     * Whether a regex can tell no non-ASCII char from another: all its chars are ASCII, and it has
     * no hex or octal escape and no Unicode class ({@code \x}, {@code \0}-{@code \9}, {@code \p},
     * {@code \P}). Conservative: an escaped backslash before such a letter also says no.
     */
    static boolean namesNoNonAscii(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c >= 128) {
                return false;
            }
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
                if (e == 'x' || e == 'p' || e == 'P' || (e >= '0' && e <= '9')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The gate for these rules, or null when Hyperscan is not available on this machine. */
    static HyperscanGate forRules(Rule[] rules) {
        return AVAILABLE ? new HyperscanGate(rules) : null;
    }

    static boolean available() {
        return AVAILABLE;
    }

    /**
     * Starts compiling, on a daemon thread, the database a scan will ask for per rule: the anchored
     * one for a rule in anchored (the engine matches such a rule only at the start of a run), the
     * other one for the rest. A history scan calls this before it walks the history, which keeps
     * one core busy for a few seconds, and stops it when the first blob comes: from then on the
     * scan threads compile what they still need (a database being compiled here is waited for, not
     * compiled twice). On hummingbot the databases a scan uses cost about 1.1 s of CPU to compile,
     * and milliseconds to read back from the cache in later runs.
     *
     * @return stops the compiling after the database in hand (safe to call often, from any thread)
     */
    Runnable compileAhead(boolean[] anchored) {
        AtomicBoolean stop = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < anywhere.length && !stop.get(); i++) {
                    if (anywhere[i] != null) {
                        database(anchored[i] ? atStart[i] : anywhere[i]);
                    }
                }
            } catch (RuntimeException | Error e) {
                // only a head start: a scan thread that asks for the database meets the problem itself
            }
        }, "keyhound-hyperscan");
        t.setDaemon(true);
        t.start();
        return () -> {
            if (!stop.get()) {
                stop.set(true);
            }
        };
    }

    /** Whether the rule's database (the anchored one, or the other) is compiled, or known not to compile. */
    boolean compiled(int rule, boolean anchored) {
        return anywhere[rule] != null && DATABASES.containsKey(anchored ? atStart[rule] : anywhere[rule]);
    }

    /** Whether Hyperscan compiled this rule's regex, so the gate can judge its windows at all. */
    boolean judges(int rule) {
        return anywhere[rule] != null && database(anywhere[rule]).isPresent();
    }

    /**
     * False only when rule's regex cannot match in text[from, to) (with anchored, a match starting
     * at from). A window with a char over 127 is judged only for a regex that names no such char.
     * latin1 says every char of text is under 256 (text decoded from ASCII bytes, or a Latin-1 view
     * of bytes), so it copies as bytes.
     */
    boolean mayMatch(int rule, String text, int from, int to, boolean anchored, boolean latin1) {
        Optional<hs_database_t> db = anchored ? database(atStart[rule]) : Optional.empty();
        if (db.isEmpty()) {
            db = database(anywhere[rule]); // a match at the window's start is a match in it
        }
        if (db.isEmpty()) {
            return true;
        }
        Scratch s = SCRATCH.get();
        int n = to - from;
        byte[] bytes = s.bytes(n);
        // An ASCII window of Latin-1 text copies as bytes in one call; any other is written char by
        // char, once (as code points when the regex reads non-ASCII chars alike).
        if (!(latin1 && latin1Ascii(text, from, to, bytes))) {
            if (nonAsciiAlike[rule] && latin1) {
                oneBytePerLatin1Char(bytes, n);
            } else if (nonAsciiAlike[rule]) {
                n = oneBytePerCodePoint(text, from, to, bytes, s.chars(n));
                if (n < 0) {
                    return true;
                }
            } else if (latin1 || !ascii(text, from, to, bytes)) {
                return true;
            }
        }
        hs_database_t d = db.get();
        // HS_SUCCESS: the scan ran to the end without a match. HS_SCAN_TERMINATED (a match) or an
        // error: RE2/J settles it.
        return hs_scan(d, s.input(bytes, n), n, 0, s.scratchFor(d), STOP, null) != HS_SUCCESS;
    }

    @SuppressWarnings("deprecation")
    private static boolean latin1Ascii(String text, int from, int to, byte[] into) {
        // Each char's low byte, a plain copy for a string of chars under 256.
        text.getBytes(from, to, into, 0);
        return dev.keyhound.source.Content.isAscii(into, 0, to - from);
    }

    private static boolean ascii(String text, int from, int to, byte[] into) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return false;
            }
            into[i - from] = (byte) c;
        }
        return true;
    }

    /**
     * {@link #oneBytePerCodePoint} of a window of chars under 256 that {@link #latin1Ascii} copied
     * already: each of its chars is one code point, and none folds into an ASCII letter.
     */
    private static void oneBytePerLatin1Char(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            if (bytes[i] < 0) {
                bytes[i] = (byte) 0x80;
            }
        }
    }

    /**
     * Each ASCII char as itself, each other code point (a surrogate pair is one, as RE2/J reads it)
     * as the byte 0x80. Returns the length, or -1 for a window with a char that RE2's case folding
     * makes an ASCII letter.
     */
    private static int oneBytePerCodePoint(String text, int from, int to, byte[] into, char[] chars) {
        // One bulk copy, then a plain array: String.charAt checks the string's coder and bounds per char.
        int length = to - from;
        text.getChars(from, to, chars, 0);
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 128) {
                into[n++] = (byte) c;
                continue;
            }
            if (c == '\u212A' || c == '\u017F') {
                return -1;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            }
            into[n++] = (byte) 0x80;
        }
        return n;
    }

    private static Optional<hs_database_t> database(String pattern) {
        return DATABASES.computeIfAbsent(pattern, HyperscanGate::compile);
    }

    /** The database for a pattern: kept from an earlier run when there is one, else compiled (and kept). */
    private static Optional<hs_database_t> compile(String pattern) {
        String key = cacheKey(pattern);
        byte[] kept = Kept.CACHE.load(key);
        hs_database_t loaded = kept == null ? null : deserialize(kept);
        if (loaded != null) {
            return Optional.of(loaded);
        }
        Optional<hs_database_t> db = compileFresh(pattern);
        if (db.isPresent() && Kept.CACHE.enabled()) {
            byte[] serialized = serialize(db.get());
            if (serialized != null) {
                Kept.CACHE.store(key, serialized);
            }
        }
        return db;
    }

    /** All that the database compiled from a pattern depends on. */
    static String cacheKey(String pattern) {
        return Kept.VERSION + "\n" + FLAGS + "\n" + HS_MODE_BLOCK + "\n" + pattern;
    }

    static Optional<hs_database_t> compileFresh(String pattern) {
        PointerPointer<hs_database_t> db = new PointerPointer<>(1);
        PointerPointer<hs_compile_error_t> error = new PointerPointer<>(1);
        try (BytePointer expression = new BytePointer(pattern, "UTF-8")) {
            if (hs_compile(expression, FLAGS, HS_MODE_BLOCK, null, db, error) != HS_SUCCESS) {
                hs_free_compile_error(new hs_compile_error_t(error.get(0)));
                return Optional.empty();
            }
            return Optional.of(new hs_database_t(db.get(0)));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database's bytes, for {@link HyperscanCache}; null when Hyperscan cannot give them. */
    static byte[] serialize(hs_database_t db) {
        PointerPointer<BytePointer> out = new PointerPointer<>(1);
        try (SizeTPointer length = new SizeTPointer(1)) {
            if (hs_serialize_database(db, out, length) != HS_SUCCESS) {
                return null;
            }
            BytePointer bytes = new BytePointer(out.get(0)).capacity(length.get());
            byte[] copy = new byte[(int) length.get()];
            bytes.get(copy);
            Pointer.free(bytes); // Hyperscan allocated it with malloc
            return copy;
        }
    }

    /** A database from its bytes, or null when they are not one this Hyperscan build can use. */
    static hs_database_t deserialize(byte[] serialized) {
        PointerPointer<hs_database_t> db = new PointerPointer<>(1);
        try (BytePointer in = new BytePointer(serialized.length)) {
            in.put(serialized);
            return hs_deserialize_database(in, serialized.length, db) == HS_SUCCESS ? new hs_database_t(db.get(0)) : null;
        }
    }

    /** Apart from the gate's own fields, so that they are read only once the native library loaded. */
    static final class Kept {
        static final HyperscanCache CACHE = HyperscanCache.fromEnvironment();
        /** The Hyperscan build, and the CPU features and tuning it compiles for on this host. */
        static final String VERSION = hs_version().getString() + " " + platform();

        private static String platform() {
            try (hs_platform_info_t p = new hs_platform_info_t()) {
                return hs_populate_platform(p) == HS_SUCCESS ? "features " + p.cpu_features() + " tune " + p.tune() : "unknown";
            }
        }
    }

    private static boolean load() {
        try {
            return compileFresh("a").isPresent();
        } catch (LinkageError | RuntimeException e) {
            return false; // no native library for this platform, or it cannot be loaded here
        }
    }

    /** A thread's Hyperscan scratch space (grown for each database it scans with) and input buffer. */
    private static final class Scratch {
        private final hs_scratch_t scratch = new hs_scratch_t();
        private final Set<hs_database_t> sizedFor = Collections.newSetFromMap(new IdentityHashMap<>());
        private byte[] bytes = new byte[4096];
        private BytePointer input = new BytePointer(4096L);

        hs_scratch_t scratchFor(hs_database_t db) {
            if (sizedFor.add(db) && hs_alloc_scratch(db, scratch) != HS_SUCCESS) {
                sizedFor.remove(db);
                throw new IllegalStateException("Hyperscan could not allocate scratch space");
            }
            return scratch;
        }

        private char[] chars = new char[4096];

        char[] chars(int n) {
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            return chars;
        }

        byte[] bytes(int n) {
            if (bytes.length < n) {
                bytes = new byte[Math.max(n, bytes.length * 2)];
            }
            return bytes;
        }

        BytePointer input(byte[] from, int n) {
            if (input.capacity() < n) {
                input.close();
                input = new BytePointer((long) Math.max(n, bytes.length));
            }
            input.position(0).put(from, 0, n);
            return input;
        }
    }

    private static final class StopAtFirstMatch extends match_event_handler {
        @Override
        public int call(int id, long from, long to, int flags, Pointer context) {
            return 1;
        }
    }
}
