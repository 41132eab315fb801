package dev.keyhound.detect.context;

import dev.keyhound.detect.Match;
import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds texts with fresh random credentials and the matches a rule would have produced for them. */
final class Fixture {
    final Random random;
    final List<Match> matches = new ArrayList<>();

    Fixture(long seed) {
        this.random = new Random(seed);
    }

    String gen(String template) {
        return ExampleTemplate.expand(template, random);
    }

    /** A KuCoin-style ObjectId: 8 hex of a recent Unix time, then 16 random hex. */
    String objectId() {
        long t = 1_600_000_000L + random.nextInt(100_000_000);
        return String.format("%08x", t) + gen("{{hex:16}}");
    }

    /** Records a match for the (first occurrence after fromIndex of the) value in text. */
    Fixture match(String text, String value, String ruleId, String provider, String part) {
        matches.add(at(text, value, ruleId, provider, part));
        return this;
    }

    static Match at(String text, String value, String ruleId, String provider, String part) {
        int idx = text.indexOf(value);
        if (idx < 0) {
            throw new IllegalArgumentException("value not in text");
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < idx; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = text.indexOf('\n', idx);
        String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        int col = idx - lineStart + 1;
        return new Match(ruleId, provider, part, Severity.HIGH, value, line, col, col + value.length(), lineText, 4.5, null);
    }
}
