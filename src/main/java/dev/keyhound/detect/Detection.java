package dev.keyhound.detect;

import java.util.List;

/**
 * What the engine found in one blob, with where each part sits in it, so that a blob rebuilt
 * from this one by a git delta can take over the parts the delta left untouched.
 *
 * @param path        the blob's path (path rules and allowlists make it part of the result)
 * @param credentials as {@link Detector#detect}
 * @param spans       four ints per part, credentials and parts in order: the secret's start and
 *                    end, and the start and end of the lines its detection may have read (the
 *                    secret's lines and {@link Engine#DELTA_CONTEXT_LINES} either side), as
 *                    byte offsets; a part found by path alone has -1s. Null when char and byte
 *                    offsets differ (non-ASCII or UTF-16 text): then nothing is inherited.
 * @param hits        every keyword hit in the blob's bytes, from which a delta child's hits are
 *                    derived; null when not kept (UTF-16 text, too many hits)
 */
public record Detection(String path, List<Credential> credentials, int[] spans, KeywordHits hits) {
    static Detection none(String path, KeywordHits hits) {
        return new Detection(path, List.of(), new int[0], hits);
    }
}
