package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** Whole objects through libdeflate and through the JDK's zlib: the same bytes, the same failures. */
class ObjectInflaterTest {
    private static final Random RANDOM = new Random(7);

    @Test
    void libdeflateIsUsedOnTheMainPlatforms() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        assumeTrue((os.contains("linux") || os.contains("mac") || os.contains("win"))
                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64")));
        assertTrue(ObjectInflater.nativeAvailable(), "the bundled native library loads on " + os + "/" + arch);
    }

    @Test
    void bothWaysInflateObjectsPackedBetweenOthers() throws Exception {
        for (int round = 0; round < 50; round++) {
            byte[] object = text(RANDOM.nextInt(200_000));
            // Objects sit back to back in a pack: the stream is followed by the next one's bytes.
            ByteBuffer pack = packed(object, round % 3 == 0 ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
            int end = pack.limit() - 40;
            for (boolean libdeflate : new boolean[] {true, false}) {
                try (ObjectInflater inflater = new ObjectInflater(libdeflate)) {
                    byte[] out = new byte[object.length];
                    assertTrue(inflater.whole(pack, 20, end, out));
                    assertArrayEquals(object, out, "libdeflate " + libdeflate);
                    byte[] head = new byte[20];
                    int want = Math.min(20, object.length);
                    assertEquals(want, inflater.prefix(pack, 20, end, head, want));
                    assertArrayEquals(Arrays.copyOf(object, want), Arrays.copyOf(head, want));
                }
            }
        }
    }

    @Test
    void aStreamShorterThanItsHeaderSaysIsNotWhole() throws Exception {
        byte[] object = text(5_000);
        ByteBuffer pack = packed(object, Deflater.DEFAULT_COMPRESSION);
        for (boolean libdeflate : new boolean[] {true, false}) {
            try (ObjectInflater inflater = new ObjectInflater(libdeflate)) {
                assertFalse(inflater.whole(pack, 20, pack.limit() - 40, new byte[object.length + 1]), "libdeflate " + libdeflate);
            }
        }
    }

    @Test
    void damagedDataFailsInBothWays() throws Exception {
        byte[] object = text(50_000);
        ByteBuffer pack = packed(object, Deflater.DEFAULT_COMPRESSION);
        for (int i = 22; i < 30; i++) {
            pack.put(i, (byte) ~pack.get(i));
        }
        for (boolean libdeflate : new boolean[] {true, false}) {
            try (ObjectInflater inflater = new ObjectInflater(libdeflate)) {
                byte[] out = new byte[object.length];
                boolean failed;
                try {
                    failed = !inflater.whole(pack, 20, pack.limit() - 40, out) || !Arrays.equals(object, out);
                } catch (DataFormatException e) {
                    failed = true;
                }
                assertTrue(failed, "libdeflate " + libdeflate);
            }
        }
        try (ObjectInflater inflater = new ObjectInflater(true)) {
            assumeTrue(ObjectInflater.nativeAvailable());
            ByteBuffer garbage = ByteBuffer.wrap(text(1000));
            assertThrows(DataFormatException.class, () -> inflater.whole(garbage, 0, 1000, new byte[4000]));
        }
    }

    /** Text-like bytes, so the stream holds both literals and back-references. */
    private static byte[] text(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = i > 64 && RANDOM.nextInt(4) > 0 ? b[i - 1 - RANDOM.nextInt(64)] : (byte) (32 + RANDOM.nextInt(95));
        }
        return b;
    }

    /** 20 bytes of other data, the object's zlib stream, then 40 bytes of the next object. */
    private static ByteBuffer packed(byte[] object, int level) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text(20));
        Deflater deflater = new Deflater(level);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(object);
        }
        deflater.end();
        byte[] next = text(40);
        byte[] all = Arrays.copyOf(out.toByteArray(), out.size() + 40);
        System.arraycopy(next, 0, all, out.size(), 40);
        return ByteBuffer.wrap(all);
    }
}
