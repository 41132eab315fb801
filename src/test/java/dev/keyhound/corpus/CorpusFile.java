package dev.keyhound.corpus;

import java.util.List;

/** A generated file, the credentials planted in it and how many hard negatives it holds. */
record CorpusFile(String path, String text, List<Planted> planted, int negatives) {
}
