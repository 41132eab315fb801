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
    private final int[] classOf = new int[128];
    /** classOf for every byte value, indexed by (byte & 0xFF): no branch for non-ASCII bytes. */
    private final int[] byteClass = new int[256];
    private final int classes;
    private final int[] table;
    private final int[][] outputs;

    public KeywordPrefilter(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        int next = 1;
        for (String k : this.keywords) {
            for (int i = 0; i < k.length(); i++) {
                char c = Character.toLowerCase(k.charAt(i));
                if (c >= 128) {
                    throw new IllegalArgumentException("keyword is not ASCII: " + k);
                }
                if (classOf[c] == 0) {
                    classOf[c] = next++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[Character.toLowerCase(c)];
        }
        classes = next;
        System.arraycopy(classOf, 0, byteClass, 0, 128);

        // Trie over classes.
        List<int[]> go = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        go.add(newRow());
        out.add(new int[0]);
        for (int kw = 0; kw < this.keywords.size(); kw++) {
            String k = this.keywords.get(kw).toLowerCase(Locale.ROOT);
            int s = 0;
            for (int i = 0; i < k.length(); i++) {
                int c = classOf[k.charAt(i)];
                if (go.get(s)[c] < 0) {
                    go.get(s)[c] = go.size();
                    go.add(newRow());
                    out.add(new int[0]);
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
        outputs = out.toArray(new int[0][]);
        table = new int[states * classes];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < classes; c++) {
                int t = delta[s][c];
                int v = t * classes;
                table[s * classes + c] = outputs[t].length > 0 ? ~v : v;
            }
        }
    }

    public List<String> keywords() {
        return keywords;
    }

    public int states() {
        return outputs.length;
    }

    /** Scans bytes[from, to) (UTF-8 or any ASCII-compatible encoding). */
    public void scan(byte[] bytes, int from, int to, HitSink sink) {
        final int[] t = table;
        final int[] cls = byteClass;
        int s = 0;
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
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            int v = t[s + (ch < 128 ? cls[ch] : 0)];
            if (v < 0) {
                v = ~v;
                for (int k : outputs[v / classes]) {
                    sink.hit(k, i + 1);
                }
            }
            s = v;
        }
    }

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
