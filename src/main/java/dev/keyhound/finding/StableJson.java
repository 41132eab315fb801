package dev.keyhound.finding;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one JSON style of every keyhound output (baseline, JSON report, SARIF): keys in the order
 * they were put, two-space indent, '\n' line ends on every OS, a final newline. Same tree, same
 * bytes. Large reports stream through {@link #generator} one finding at a time instead of
 * building the whole tree.
 */
public final class StableJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private StableJson() {
    }

    /** A generator in the house style; close it, then call {@link #end}. Does not close {@code out}. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
        return g;
    }

    /** The final newline after a document written with {@link #generator}. */
    public static void end(OutputStream out) throws IOException {
        out.write('\n');
        out.flush();
    }

    public static void write(JsonNode node, OutputStream out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeTree(node);
        }
        end(out);
    }

    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(node, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
