package dev.keyhound.source.git;

import com.fulcrumgenomics.jlibdeflate.LibdeflateDecompressor;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One thread's inflater for the zlib streams of a pack's objects. A whole object, whose inflated
 * size its header gives, is inflated in one call by libdeflate, which decodes about twice as fast
 * as zlib behind {@link Inflater} (hummingbot's blobs: 1.2 s less CPU in a pack walk of 6.3 s on one
 * thread). A prefix (a delta's header, a binary probe) is streamed through {@link Inflater}, since
 * libdeflate can only inflate a stream to its end.
 *
 * <p>libdeflate comes as a native library for Linux, macOS and Windows on x86-64 and arm64;
 * elsewhere, or with {@code -Dkeyhound.libdeflate=false}, the JDK's zlib does it all.
 */
final class ObjectInflater implements AutoCloseable {
    private static final boolean NATIVE = Boolean.parseBoolean(System.getProperty("keyhound.libdeflate", "true")) && load();

    private final Inflater inflater = new Inflater();
    private final LibdeflateDecompressor libdeflate;
    /** The compressed bytes of the object in hand: libdeflate reads arrays, the pack is mapped. */
    private byte[] input = new byte[64 * 1024];

    ObjectInflater() {
        this(NATIVE);
    }

    /** With useNative false, the JDK's zlib only (for tests that compare the two). */
    ObjectInflater(boolean useNative) {
        libdeflate = useNative && NATIVE ? new LibdeflateDecompressor() : null;
    }

    /** Whether whole objects go through libdeflate in this process. */
    static boolean nativeAvailable() {
        return NATIVE;
    }

    /**
     * Inflates the whole stream in pack[from, to) into out, which has the object's size.
     *
     * @return whether it inflated to exactly out.length bytes
     */
    boolean whole(ByteBuffer pack, int from, int to, byte[] out) throws DataFormatException {
        if (libdeflate == null) {
            return prefix(pack, from, to, out, out.length) == out.length;
        }
        int length = Math.max(0, to - from);
        if (input.length < length) {
            input = new byte[Math.max(length, input.length * 2)];
        }
        pack.get(from, input, 0, length);
        try {
            return libdeflate.zlibDecompressEx(input, 0, length, out, 0, out.length).outputBytesProduced() == out.length;
        } catch (RuntimeException e) {
            // bad data, or more of it than the header said: libdeflate's exception, or a bounds check
            throw new DataFormatException(e.getMessage());
        }
    }

    /** Inflates up to want bytes of the stream in pack[from, to) into out; returns how many came out. */
    int prefix(ByteBuffer pack, int from, int to, byte[] out, int want) throws DataFormatException {
        inflater.reset();
        inflater.setInput(pack.slice(from, Math.max(0, to - from)));
        int got = 0;
        while (got < want) {
            int n = inflater.inflate(out, got, want - got);
            if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            got += n;
        }
        return got;
    }

    @Override
    public void close() {
        inflater.end();
        if (libdeflate != null) {
            libdeflate.close();
        }
    }

    private static boolean load() {
        try {
            new LibdeflateDecompressor().close(); // loads the native library
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false; // no native library for this platform, or it cannot be loaded here
        }
    }
}
