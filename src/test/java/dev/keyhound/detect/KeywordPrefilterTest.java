package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeywordPrefilterTest {
    /** Every (keyword, end offset) pair found by a plain case-insensitive search. */
    static TreeSet<String> naive(List<String> keywords, String text) {
        TreeSet<String> out = new TreeSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int k = 0; k < keywords.size(); k++) {
            String kw = keywords.get(k);
            for (int i = lower.indexOf(kw); i >= 0; i = lower.indexOf(kw, i + 1)) {
                out.add(k + "@" + (i + kw.length()));
            }
        }
        return out;
    }

    /** count lower-case keywords of 1 to maxLength chars from the alphabet, duplicates dropped. */
    static List<String> randomKeywords(Random rnd, String alphabet, int count, int maxLength) {
        List<String> keywords = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder k = new StringBuilder();
            for (int j = 0, len = 1 + rnd.nextInt(maxLength); j < len; j++) {
                k.append(Character.toLowerCase(alphabet.charAt(rnd.nextInt(alphabet.length()))));
            }
            if (!keywords.contains(k.toString())) {
                keywords.add(k.toString());
            }
        }
        return keywords;
    }

    /** n chars drawn from the alphabet. */
    static String randomText(Random rnd, String alphabet, int n) {
        StringBuilder text = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            text.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static TreeSet<String> viaBytes(KeywordPrefilter p, byte[] bytes) {
        return viaBytes(p, bytes, 0, bytes.length);
    }

    /** The hits in bytes[from, to), each reported once (asserted). */
    static TreeSet<String> viaBytes(KeywordPrefilter p, byte[] bytes, int from, int to) {
        List<String> all = new ArrayList<>();
        p.scan(bytes, from, to, (k, end) -> all.add(k + "@" + end));
        TreeSet<String> out = new TreeSet<>(all);
        assertEquals(all.size(), out.size(), "a hit reported twice: " + all);
        return out;
    }

    static TreeSet<String> viaChars(KeywordPrefilter p, String text) {
        TreeSet<String> out = new TreeSet<>();
        p.scan(text, (k, end) -> out.add(k + "@" + end));
        return out;
    }

    @Test
    void findsExactlyWhatANaiveScanFindsOnRandomData() {
        Random rnd = new Random(42);
        String alphabet = "abcAB_-.";
        for (int round = 0; round < 300; round++) {
            List<String> keywords = randomKeywords(rnd, alphabet, 1 + rnd.nextInt(12), 5);
            KeywordPrefilter p = new KeywordPrefilter(keywords);
            StringBuilder text = new StringBuilder();
            // some texts longer than the blocks a search of chars copies at a time (keywords across them)
            int len = rnd.nextInt(round % 10 == 0 ? 20000 : round % 2 == 0 ? 400 : 3000);
            for (int i = 0; i < len; i++) {
                int r = rnd.nextInt(20);
                // ASCII from the keyword alphabet in both cases, other ASCII, and non-ASCII chars.
                text.append(r < 15 ? alphabet.charAt(rnd.nextInt(alphabet.length())) : r < 18 ? 'z' : 'é');
            }
            String s = text.toString();
            assertEquals(naive(keywords, s), viaChars(p, s), "chars, keywords " + keywords + " text " + s);
            String ascii = s.replace('é', '~');
            assertEquals(naive(keywords, ascii), viaBytes(p, ascii.getBytes(StandardCharsets.US_ASCII)),
                    "bytes, keywords " + keywords + " text " + ascii);
        }
    }

    /** A long input is read in interleaved parts: a range of a buffer, at any offset, gives the hits of its text alone. */
    @Test
    void aRangeOfABufferGivesTheHitsOfItsTextAlone() {
        Random rnd = new Random(17);
        String alphabet = "abcAB_-. ";
        for (int round = 0; round < 400; round++) {
            List<String> keywords = randomKeywords(rnd, alphabet, 1 + rnd.nextInt(12), 1 + rnd.nextInt(9));
            KeywordPrefilter p = new KeywordPrefilter(keywords);
            String text = randomText(rnd, alphabet, rnd.nextInt(5000));
            int from = rnd.nextInt(text.length() + 1);
            int to = from + rnd.nextInt(text.length() - from + 1);
            TreeSet<String> expected = new TreeSet<>();
            for (String hit : naive(keywords, text.substring(from, to))) {
                int at = hit.indexOf('@');
                expected.add(hit.substring(0, at) + "@" + (from + Integer.parseInt(hit.substring(at + 1))));
            }
            assertEquals(expected, viaBytes(p, text.getBytes(StandardCharsets.US_ASCII), from, to),
                    "round " + round + ", [" + from + ", " + to + ")");
        }
    }

    @Test
    void nonAsciiBytesNeverMatchAndOverlappingKeywordsAllReport() {
        KeywordPrefilter p = new KeywordPrefilter(List.of("he", "she", "hers", "his"));
        byte[] b = "USHERS \u00e9his".getBytes(StandardCharsets.UTF_8);
        TreeSet<String> hits = viaBytes(p, b);
        // "USHERS": she@4, he@4, hers@6; "his" follows the two bytes of é at 7..8.
        assertEquals(new TreeSet<>(List.of("1@4", "0@4", "2@6", "3@12")), hits);
    }

    @Test
    void aSearchAroundChangesFindsExactlyTheHitsTouchingThemOnce() {
        Random rnd = new Random(5);
        String alphabet = "abcAB_-. ";
        for (int round = 0; round < 500; round++) {
            List<String> keywords = randomKeywords(rnd, alphabet, 1 + rnd.nextInt(10), 6);
            KeywordPrefilter p = new KeywordPrefilter(keywords);
            String text = randomText(rnd, alphabet, rnd.nextInt(400));
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            // sorted, disjoint changes, some empty (seams)
            List<Integer> changes = new ArrayList<>();
            int at = 0;
            while (bytes.length > 0 && at < bytes.length && rnd.nextInt(6) > 0) {
                // often a byte or two apart, so a change's tail is read past the next ones
                int start = at + rnd.nextInt(Math.max(1, Math.min(rnd.nextBoolean() ? 3 : 60, bytes.length - at)));
                int end = Math.min(bytes.length, start + (rnd.nextBoolean() ? 0 : rnd.nextInt(8)));
                changes.add(start);
                changes.add(end);
                at = end + 1;
            }
            int[] ranges = changes.stream().mapToInt(Integer::intValue).toArray();
            List<String> got = new ArrayList<>();
            p.scanAround(bytes, ranges, (k, end) -> got.add(k + "@" + end));
            TreeSet<String> all = naive(keywords, text);
            TreeSet<String> touching = new TreeSet<>();
            for (String hit : all) {
                int k = Integer.parseInt(hit.substring(0, hit.indexOf('@')));
                int end = Integer.parseInt(hit.substring(hit.indexOf('@') + 1));
                int start = end - keywords.get(k).length();
                for (int c = 0; c < ranges.length; c += 2) {
                    // holds a changed byte, or crosses the seam an empty change marks
                    if (start < Math.max(ranges[c + 1], ranges[c] + 1) && end > ranges[c]
                            && (ranges[c + 1] > ranges[c] || start < ranges[c])) {
                        touching.add(hit);
                    }
                }
            }
            TreeSet<String> unique = new TreeSet<>(got);
            assertEquals(got.size(), unique.size(), "each hit once, round " + round);
            assertEquals(touching, unique, "round " + round + ": " + keywords + " in \"" + text + "\" around "
                    + java.util.Arrays.toString(ranges));
        }
    }

    /** Over letters and digits alone: the hits of a naive search of the text with everything else left out. */
    @Test
    void aSearchOverLettersAndDigitsPassesOverEveryOtherByte() {
        Random rnd = new Random(9);
        String alphabet = "abcAB1_- .\n\u00e9";
        for (int round = 0; round < 300; round++) {
            List<String> keywords = randomKeywords(rnd, "abcAB1", 1 + rnd.nextInt(8), 5);
            KeywordPrefilter p = KeywordPrefilter.overLettersAndDigits(keywords);
            String text = randomText(rnd, alphabet, rnd.nextInt(2000));
            StringBuilder folded = new StringBuilder();
            List<Integer> at = new ArrayList<>(); // the text index of each folded char
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    folded.append(c);
                    at.add(i);
                }
            }
            TreeSet<String> expected = new TreeSet<>();
            for (String hit : naive(keywords, folded.toString())) {
                int end = Integer.parseInt(hit.substring(hit.indexOf('@') + 1));
                expected.add(hit.substring(0, hit.indexOf('@') + 1) + (at.get(end - 1) + 1));
            }
            assertEquals(expected, viaBytes(p, text.getBytes(StandardCharsets.ISO_8859_1)), "round " + round);
            assertEquals(expected, viaChars(p, text), "round " + round);
        }
    }

    @Test
    void noKeywordsMeansNoHits() {
        KeywordPrefilter p = new KeywordPrefilter(List.of());
        assertEquals(new TreeSet<>(), viaBytes(p, "anything".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aSearchForSomeKeywordsFindsTheirHitsUnderTheirIndexInTheWholeList() {
        Random rnd = new Random(7);
        String alphabet = "abcAB_[";
        for (int round = 0; round < 200; round++) {
            List<String> keywords = randomKeywords(rnd, alphabet, 2 + rnd.nextInt(8), 4);
            java.util.BitSet only = new java.util.BitSet();
            for (int k = 0; k < keywords.size(); k++) {
                only.set(k, rnd.nextBoolean());
            }
            String s = randomText(rnd, alphabet, rnd.nextInt(round % 2 == 0 ? 300 : 2000));
            TreeSet<String> expected = new TreeSet<>();
            for (String hit : naive(keywords, s)) {
                if (only.get(Integer.parseInt(hit.substring(0, hit.indexOf('@'))))) {
                    expected.add(hit);
                }
            }
            KeywordPrefilter some = new KeywordPrefilter(keywords, only);
            assertEquals(expected, viaBytes(some, s.getBytes(StandardCharsets.US_ASCII)), "keywords " + keywords + " only " + only);
            assertEquals(expected, viaChars(some, s));
            int longest = only.stream().map(k -> keywords.get(k).length()).max().orElse(0);
            assertEquals(longest, some.maxKeywordLength());
        }
    }
}
