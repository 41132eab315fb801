package dev.keyhound.corpus;

import java.util.List;

/** The generated corpus as (path, text) pairs, for harnesses outside this package. */
public final class CorpusAccess {
    private CorpusAccess() {
    }

    public static List<String[]> files(long seed) {
        return ExchangeCorpus.generate(seed, true).stream().map(f -> new String[] {f.path(), f.text()}).toList();
    }
}
