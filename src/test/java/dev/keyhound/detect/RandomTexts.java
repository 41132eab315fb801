package dev.keyhound.detect;

import java.util.Random;

/** Texts of random lines for the line and window tests: short and long lines, LF, CRLF and stray CRs. */
final class RandomTexts {
    private RandomTexts() {
    }

    /**
     * @param maxLines fewer lines than this
     * @param longLine the least length of a long line (one line in eight), past the limit under test
     */
    static String lines(Random rnd, int maxLines, int longLine) {
        StringBuilder sb = new StringBuilder();
        int lines = rnd.nextInt(maxLines);
        for (int l = 0; l < lines; l++) {
            sb.append("x".repeat(rnd.nextInt(8) == 0 ? longLine + rnd.nextInt(2000) : rnd.nextInt(50)));
            if (rnd.nextInt(6) == 0) {
                sb.append('\r').append("w".repeat(rnd.nextInt(3))); // a CR inside a line
            }
            int end = rnd.nextInt(8);
            if (end > 0) {
                sb.append(end < 5 ? "\n" : "\r\n"); // else the next line joins this one
            }
        }
        if (rnd.nextBoolean()) {
            sb.append("tail").append(rnd.nextBoolean() ? "\r" : "");
        }
        return sb.toString();
    }
}
