package dev.keyhound.detect.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Bip39Test {
    /**
     * Official BIP39 English vectors (trezor/python-mnemonic vectors.json): entropy, then the
     * mnemonic with '-' between words so that the source itself holds no mnemonic-shaped string.
     */
    private static final String[][] VECTORS = {
            {"00000000000000000000000000000000", "abandon-abandon-abandon-abandon-abandon-abandon-abandon-abandon-abandon-abandon-abandon-about"},
            {"7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "legal-winner-thank-year-wave-sausage-worth-useful-legal-winner-thank-yellow"},
            {"80808080808080808080808080808080", "letter-advice-cage-absurd-amount-doctor-acoustic-avoid-letter-advice-cage-above"},
            {"ffffffffffffffffffffffffffffffff", "zoo-zoo-zoo-zoo-zoo-zoo-zoo-zoo-zoo-zoo-zoo-wrong"},
            {"9e885d952ad362caeb4efe34a8e91bd2", "ozone-drill-grab-fiber-curtain-grace-pudding-thank-cruise-elder-eight-picnic"},
            {"68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
                    "hamster-diagram-private-dutch-cause-delay-private-meat-slide-toddler-razor-book-happy-fancy-gospel-tennis-maple-dilemma-loan-word-shrug-inflict-delay-length"},
    };

    @Test
    void officialVectorsRoundTripAndValidate() {
        for (String[] v : VECTORS) {
            String mnemonic = v[1].replace('-', ' ');
            assertEquals(mnemonic, Bip39.fromEntropy(HexFormat.of().parseHex(v[0])));
            assertTrue(Bip39.isValid(mnemonic), mnemonic);
            assertTrue(Bip39.isValid("  " + mnemonic.replace(" ", " \n\t") + "\n"), "any whitespace separates words");
        }
    }

    /** The public mnemonics rules/bip39.toml allowlists are checksum-valid, so the allowlist is what keeps them out. */
    @Test
    void allowlistedDevelopmentMnemonicsAreValid() {
        assertTrue(Bip39.isValid("test ".repeat(11) + "junk"));
        assertTrue(Bip39.isValid("abandon ".repeat(17) + "agent"));
        assertTrue(Bip39.isValid("abandon ".repeat(23) + "art"));
        assertTrue(Bip39.isValid("zoo ".repeat(11) + "wrong"));
        assertTrue(Bip39.isValid("zoo ".repeat(17) + "when"));
        assertTrue(Bip39.isValid("zoo ".repeat(23) + "vote"));
    }

    @Test
    void wrongChecksumWordFails() {
        // the all-zero entropy's last word is "about"; "abandon" there breaks the checksum
        assertFalse(Bip39.isValid("abandon ".repeat(11) + "abandon"));
        assertTrue(Bip39.isValid("abandon ".repeat(11) + "about"));
    }

    @Test
    void randomMnemonicsOfEveryLengthValidate() {
        Random r = new Random(42);
        for (int words = 12; words <= 24; words += 3) {
            for (int i = 0; i < 50; i++) {
                String m = Bip39.random(words, r);
                assertEquals(words, m.split(" ").length);
                assertTrue(Bip39.isValid(m), m);
            }
        }
    }

    @Test
    void aboutOneInSixteenRandomWordListsPassAt12Words() {
        Random r = new Random(1);
        int passed = 0;
        int trials = 16_000;
        for (int i = 0; i < trials; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                sb.append(w == 0 ? "" : " ").append(Bip39.random(12, r).split(" ")[r.nextInt(12)]);
            }
            if (Bip39.isValid(sb.toString())) {
                passed++;
            }
        }
        assertTrue(passed > 800 && passed < 1200, "checksum gate passes ~1/16, got " + passed);
    }

    @Test
    void rejectsWrongCountsUnknownWordsAndProse() {
        Random r = new Random(3);
        String m = Bip39.random(12, r);
        assertFalse(Bip39.isValid(m + " " + m.split(" ")[0]), "13 words");
        assertFalse(Bip39.isValid(m.substring(m.indexOf(' ') + 1)), "11 words");
        assertFalse(Bip39.isValid(m.replaceFirst("^\\S+", "keyhound")), "a word outside the list");
        assertFalse(Bip39.isValid("the quick brown fox jumps over the lazy dog and then runs away"));
        assertFalse(Bip39.isValid(""));
    }
}
