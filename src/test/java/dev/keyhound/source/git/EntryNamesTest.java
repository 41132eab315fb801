package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.util.RawParseUtils;
import org.junit.jupiter.api.Test;

class EntryNamesTest {
    @Test
    void eachDistinctNameGetsOneNumberAndDecodesAsGitDoes() {
        Random rnd = new Random(new Random().nextLong());
        EntryNames names = new EntryNames();
        Map<String, Integer> expected = new HashMap<>();
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // a small alphabet so that names repeat; high bytes make some names non-UTF-8
            byte[] name = new byte[1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 300 : 6)];
            for (int j = 0; j < name.length; j++) {
                name[j] = rnd.nextInt(20) == 0 ? (byte) (0x80 + rnd.nextInt(128)) : (byte) ('a' + rnd.nextInt(4));
            }
            all.add(name);
            // each name sits inside a bigger buffer, the way it sits in a tree object
            byte[] tree = new byte[name.length + 7];
            System.arraycopy(name, 0, tree, 3, name.length);
            int id = names.intern(tree, 3, 3 + name.length);
            Integer known = expected.putIfAbsent(new String(name, StandardCharsets.ISO_8859_1), id);
            assertEquals(known == null ? expected.size() - 1 : known, id);
        }
        assertEquals(expected.size(), names.size());
        for (byte[] name : all) {
            int id = expected.get(new String(name, StandardCharsets.ISO_8859_1));
            assertEquals(RawParseUtils.decode(name), names.name(id));
        }
    }
}
