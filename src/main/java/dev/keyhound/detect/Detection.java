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
 */
public record Detection(String path, List<Credential> credentials, int[] spans) {
    static Detection none(String path) {
        return new Detection(path, List.of(), new int[0]);
    }
}
