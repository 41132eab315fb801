package dev.keyhound.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Case-insensitive multi-keyword search: an Aho-Corasick automaton compiled to a DFA over byte
 * classes (every byte that appears in no keyword shares class 0), so the transition table stays
 * small enough for the L2 cache. Table entries are premultiplied by the class count, and a negative
 * entry (bitwise complement) marks a state that ends at least one keyword, so the hot loop is one
 * load, one add and one sign test per byte. Built once per rule set; immutable and thread-safe.
 * Keywords are ASCII; letters match either case.
 */
public final class KeywordPrefilter {
    /** Receives (keyword index, offset just past the keyword's last byte or char). */
    public interface HitSink {
        void hit(int keyword, int end);
    }

    private final List<String> keywords;
    private final int[] keywordLength;
    private final int[] classOf = new int[128];
    /** classOf for every byte value, indexed by (byte & 0xFF): no branch for non-ASCII bytes. */
    private final int[] byteClass = new int[256];
    private final int classes;
    private final int[] table;
    private final int[][] outputs;
    /** Per state: the length of the keyword prefix it stands for. */
    private final int[] depth;
    /** Per pair of byte classes (first * classes + second): whether a searched keyword holds the pair. */
    private final boolean[] pairs;
    private final int maxKeywordLength;
    /** Inputs shorter than this are scanned as one chain. */
    static final int SPLIT_MIN = 512;

    public KeywordPrefilter(List<String> keywords) {
        this(keywords, null);
    }

    /**
     * Searches only for the keywords whose index is in {@code only} (all when null); hits keep
     * their index in the whole list, so a search for a subset fills the same {@link HitSink}.
     */
    public KeywordPrefilter(List<String> keywords, java.util.BitSet only) {
        this(keywords, only, false);
    }

    /**
     * A search of the letters and digits alone: every other byte leaves the automaton where it is,
     * so "binance_us" and "Binance US" hold the keyword "binanceus". Keywords must be letters and
     * digits; hits end where their last letter or digit is.
     */
    public static KeywordPrefilter overLettersAndDigits(List<String> keywords) {
        return new KeywordPrefilter(keywords, null, true);
    }

    /** Whether bytes other than letters and digits are passed over (see {@link #overLettersAndDigits}). */
    private final boolean skipOthers;

    private KeywordPrefilter(List<String> keywords, java.util.BitSet only, boolean skipOthers) {
        this.skipOthers = skipOthers;
        this.keywords = List.copyOf(keywords);
        this.keywordLength = this.keywords.stream().mapToInt(String::length).toArray();
        int next = 1;
        for (String k : this.keywords) {
            for (int i = 0; i < k.length(); i++) {
                char c = Character.toLowerCase(k.charAt(i));
                if (c >= 128) {
                    throw new IllegalArgumentException("keyword is not ASCII: " + k);
                }
                if (skipOthers && !Character.isLetterOrDigit(c)) {
                    throw new IllegalArgumentException("keyword is not letters and digits: " + k);
                }
                if (classOf[c] == 0) {
                    classOf[c] = next++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[Character.toLowerCase(c)];
        }
        // The class of the bytes passed over, when they are: the last one.
        int skip = skipOthers ? next++ : -1;
        classes = next;
        java.util.BitSet searched = only;
        if (searched == null) {
            searched = new java.util.BitSet(this.keywords.size());
            searched.set(0, this.keywords.size());
        }
        maxKeywordLength = searched.stream().map(kw -> this.keywords.get(kw).length()).max().orElse(0);
        pairs = new boolean[classes * classes];
        for (int kw = searched.nextSetBit(0); kw >= 0; kw = searched.nextSetBit(kw + 1)) {
            String k = this.keywords.get(kw).toLowerCase(Locale.ROOT);
            for (int i = 0; i + 1 < k.length(); i++) {
                pairs[classOf[k.charAt(i)] * classes + classOf[k.charAt(i + 1)]] = true;
            }
        }
        System.arraycopy(classOf, 0, byteClass, 0, 128);
        if (skipOthers) {
            for (int b = 0; b < 256; b++) {
                if (b >= 128 || !Character.isLetterOrDigit(b)) {
                    byteClass[b] = skip;
                    if (b < 128) {
                        classOf[b] = skip;
                    }
                }
            }
        }

        // Trie over classes.
        List<int[]> go = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        go.add(newRow());
        out.add(new int[0]);
        depths.add(0);
        for (int kw = searched.nextSetBit(0); kw >= 0; kw = searched.nextSetBit(kw + 1)) {
            String k = this.keywords.get(kw).toLowerCase(Locale.ROOT);
            int s = 0;
            for (int i = 0; i < k.length(); i++) {
                int c = classOf[k.charAt(i)];
                if (go.get(s)[c] < 0) {
                    go.get(s)[c] = go.size();
                    go.add(newRow());
                    out.add(new int[0]);
                    depths.add(i + 1);
                }
                s = go.get(s)[c];
            }
            out.set(s, append(out.get(s), kw));
        }
        int states = go.size();
        int[] fail = new int[states];
        int[][] delta = new int[states][classes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < classes; c++) {
            int t = go.get(0)[c];
            if (t > 0) {
                fail[t] = 0;
                delta[0][c] = t;
                queue.add(t);
            } else {
                delta[0][c] = 0;
            }
        }
        // Class 0 (a byte in no keyword) always returns to the root.
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.set(s, merge(out.get(s), out.get(fail[s])));
            for (int c = 0; c < classes; c++) {
                int t = go.get(s)[c];
                if (t > 0) {
                    fail[t] = delta[fail[s]][c];
                    delta[s][c] = t;
                    queue.add(t);
                } else {
                    delta[s][c] = delta[fail[s]][c];
                }
            }
        }
        if (skipOthers) {
            for (int st = 0; st < states; st++) {
                delta[st][skip] = st; // stays put; it completes no keyword it had not already
            }
        }
        outputs = out.toArray(new int[0][]);
        depth = depths.stream().mapToInt(Integer::intValue).toArray();
        table = new int[states * classes];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < classes; c++) {
                int t = delta[s][c];
                int v = t * classes;
                table[s * classes + c] = outputs[t].length > 0 && c != skip ? ~v : v;
            }
        }
    }

    public List<String> keywords() {
        return keywords;
    }

    /** The length of keyword k (its index in the whole list). */
    int keywordLength(int k) {
        return keywordLength[k];
    }

    /** The longest keyword's length: a hit reaches at most this far back from its end. */
    int maxKeywordLength() {
        return maxKeywordLength;
    }

    /**
     * Scans bytes[from, to) (UTF-8 or any ASCII-compatible encoding). Hits may arrive out of
     * offset order: a long input is scanned as two halves whose automaton steps are interleaved
     * in one loop, so the CPU overlaps two independent chains of table loads (about twice the
     * speed of one chain, whose every step waits for the previous load).
     */
    public void scan(byte[] bytes, int from, int to, HitSink sink) {
        int n = to - from;
        // Two halves need a keyword's length of overlap, which passed-over bytes make unbounded.
        if (skipOthers || n < SPLIT_MIN || maxKeywordLength == 0 || maxKeywordLength * 4 > n) {
            scanOne(bytes, from, to, 0, sink);
            return;
        }
        final int[] t = table;
        final int[] cls = byteClass;
        int mid = from + n / 2;
        // The second chain starts early enough to see every keyword that ends past mid; it
        // reports only those, the first chain reports the ones ending at or before mid.
        int b = mid - (maxKeywordLength - 1);
        int steps = mid - from;
        int s1 = 0;
        int s2 = 0;
        int i = 0;
        // The steps hold no call: a hit's (state, end) pair goes to a buffer, and the sink is called
        // between runs of steps (C1's code for every step was slower with the call in the loop).
        int[] found = new int[HITS_BUFFERED + 4];
        while (i < steps) {
            int k = 0;
            for (; i < steps && k < HITS_BUFFERED; i++) {
                int v1 = t[s1 + cls[bytes[from + i] & 0xFF]];
                int v2 = t[s2 + cls[bytes[b + i] & 0xFF]];
                if ((v1 | v2) < 0) {
                    if (v1 < 0) {
                        v1 = ~v1;
                        found[k] = v1;
                        found[k + 1] = from + i + 1;
                        k += 2;
                    }
                    if (v2 < 0) {
                        v2 = ~v2;
                        found[k] = v2;
                        found[k + 1] = -(b + i + 1); // the second chain's, reported only past mid
                        k += 2;
                    }
                }
                s1 = v1;
                s2 = v2;
            }
            for (int j = 0; j < k; j += 2) {
                int end = found[j + 1];
                if (end < 0 && (end = -end) <= mid) {
                    continue; // the first chain reports the ones ending at or before mid
                }
                for (int kw : outputs[found[j] / classes]) {
                    sink.hit(kw, end);
                }
            }
        }
        // The second half is longer by the overlap (and an odd byte): finish it alone.
        scanOne(bytes, b + i, to, s2, sink);
    }

    /** Hits (as state and end pairs) a two-chain scan holds before it hands them on. */
    private static final int HITS_BUFFERED = 60;

    /**
     * Exactly the hits that hold a byte of one of the sorted, disjoint [start, end) changes, or
     * cross the seam an empty one marks (its bytes either side), each once, in offset order. Each
     * change is read from a keyword's length before it, and past its end only while a keyword
     * begun before the end can still end: where the automaton's longest match so far starts
     * after the change, none can. Not for a search {@link #overLettersAndDigits}, whose keywords
     * span more bytes than their length.
     */
    void scanAround(byte[] bytes, int[] changes, HitSink sink) {
        final int[] t = table;
        final int[] cls = byteClass;
        int reach = Math.max(0, maxKeywordLength - 1);
        int pos = 0; // bytes before pos are read, and s is the state there
        int s = 0;
        for (int c = 0; c < changes.length; c += 2) {
            int start = changes[c];
            int end = changes[c + 1];
            // A keyword across the change's start holds the two bytes there: where no keyword holds
            // that pair, a seam needs no reading at all, and a gap is read from its first byte.
            boolean across = start > 0 && start < bytes.length
                    && pairs[cls[bytes[start - 1] & 0xFF] * classes + cls[bytes[start] & 0xFF]];
            if (!across && start == end) {
                continue;
            }
            // A byte in no keyword sends the automaton to its root: read from just after the last
            // one before the change (most changes have one a few bytes before them).
            int lo = start;
            for (int floor = across ? Math.max(0, lo - reach) : lo; lo > floor && cls[bytes[lo - 1] & 0xFF] != 0; ) {
                lo--;
            }
            if (pos < lo) {
                pos = lo;
                s = 0;
            }
            // up to the change's end, then on while a keyword begun before it can still end
            while (pos < end || pos < bytes.length && pos - depth[s / classes] < end) {
                int v = t[s + cls[bytes[pos] & 0xFF]];
                pos++;
                if (v < 0) {
                    v = ~v;
                    for (int k : outputs[v / classes]) {
                        if (touches(changes, c, pos - keywordLength[k], pos)) {
                            sink.hit(k, pos);
                        }
                    }
                }
                s = v;
            }
        }
    }

    /**
     * Whether [start, end) touches a change: changes near the one being read (at), before it or,
     * where its tail was read past the next ones, after it.
     */
    private static boolean touches(int[] changes, int at, int start, int end) {
        for (int c = at; c >= 0 && changes[c + 1] >= start; c -= 2) {
            if (touchesOne(changes, c, start, end)) {
                return true;
            }
        }
        for (int c = at + 2; c < changes.length && changes[c] < end; c += 2) {
            if (touchesOne(changes, c, start, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean touchesOne(int[] changes, int c, int start, int end) {
        int cs = changes[c];
        int ce = changes[c + 1];
        return end > cs && (ce > cs ? start < ce : start < cs);
    }

    private void scanOne(byte[] bytes, int from, int to, int state, HitSink sink) {
        final int[] t = table;
        final int[] cls = byteClass;
        int s = state;
        for (int i = from; i < to; i++) {
            int v = t[s + cls[bytes[i] & 0xFF]];
            if (v < 0) {
                v = ~v;
                for (int k : outputs[v / classes]) {
                    sink.hit(k, i + 1);
                }
            }
            s = v;
        }
    }

    /** Scans text (decoded UTF-16 or non-ASCII UTF-8); offsets are char indexes. */
    public void scan(String text, HitSink sink) {
        final int[] t = table;
        final int[] cls = classOf;
        // Copied in blocks to a plain array: String.charAt checks the string's coder and bounds per char.
        char[] block = new char[Math.min(text.length(), TEXT_BLOCK)];
        int s = 0;
        for (int at = 0, n = text.length(); at < n; at += block.length) {
            int length = Math.min(block.length, n - at);
            text.getChars(at, at + length, block, 0);
            for (int i = 0; i < length; i++) {
                char ch = block[i];
                int v = t[s + (ch < 128 ? cls[ch] : byteClass[0x80])];
                if (v < 0) {
                    v = ~v;
                    for (int k : outputs[v / classes]) {
                        sink.hit(k, at + i + 1);
                    }
                }
                s = v;
            }
        }
    }

    private static final int TEXT_BLOCK = 8192;

    private int[] newRow() {
        int[] r = new int[classes];
        Arrays.fill(r, -1);
        return r;
    }

    private static int[] append(int[] a, int v) {
        int[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = v;
        return r;
    }

    private static int[] merge(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
