package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteOffsetsTest {
    private static final String[] PIECES = {"a", "k", "=", "\n", "é", "ß", "✓", "日本", "\uFFFD", "😀", "𝔘"};

    /** The definition: the length in UTF-8 of the text before the offset (an offset inside a pair counts the pair). */
    private static int expected(String text, int lead, int offset) {
        if (offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))) {
            offset++;
        }
        return lead + text.substring(0, offset).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void charOffsetsBecomeTheBytesOffsetsWithOrWithoutReplacementChars() {
        Random rnd = new Random();
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(60);
            boolean replacement = rnd.nextInt(4) == 0;
            for (int i = 0; i < n; i++) {
                String piece = PIECES[rnd.nextInt(PIECES.length)];
                sb.append(piece.equals("\uFFFD") && !replacement ? "b" : piece);
            }
            sb.append("é"); // never ASCII
            String text = sb.toString();
            int lead = rnd.nextBoolean() ? 3 : 0;
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[lead + body.length];
            System.arraycopy(body, 0, bytes, lead, body.length);
            int[] offsets = new int[1 + rnd.nextInt(6)];
            int[] want = new int[offsets.length];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = rnd.nextInt(8) == 0 ? -1 - rnd.nextInt(3) : rnd.nextInt(text.length() + 1);
                want[i] = offsets[i] < 0 ? offsets[i] : expected(text, lead, offsets[i]);
            }
            assertArrayEquals(want, ByteOffsets.of(text, lead, false, offsets, bytes), text);
        }
    }

    @Test
    void aTextThatIsNotTheBytesDecodingHasNone() {
        byte[] bytes = {'k', '=', (byte) 0xFF, (byte) 0xC3, (byte) 0xA9, '\n'};
        String text = new String(bytes, StandardCharsets.UTF_8); // 0xFF replaced
        assertNull(ByteOffsets.of(text.replace("\uFFFD", "\uFFFD\uFFFD"), 0, false, new int[] {1}, bytes));
    }
}
