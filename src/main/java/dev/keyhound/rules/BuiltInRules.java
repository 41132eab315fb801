package dev.keyhound.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every {@code *.toml} under {@code keyhound/rules/} on the class path, from a jar or a
 * directory (target/classes), without an index file, so a new rule file needs no registration.
 */
final class BuiltInRules {
    static final String ROOT = "keyhound/rules/";

    private BuiltInRules() {
    }

    /** name -> text, sorted by name. */
    static TreeMap<String, String> read() throws RuleFileException {
        TreeMap<String, String> files = new TreeMap<>();
        ClassLoader cl = BuiltInRules.class.getClassLoader();
        try {
            Enumeration<URL> roots = cl.getResources(ROOT);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                URLConnection conn = root.openConnection();
                if (conn instanceof JarURLConnection jar) {
                    conn.setUseCaches(false);
                    try (JarFile jf = jar.getJarFile()) {
                        Enumeration<JarEntry> entries = jf.entries();
                        while (entries.hasMoreElements()) {
                            JarEntry e = entries.nextElement();
                            if (e.getName().startsWith(ROOT) && e.getName().endsWith(".toml") && !e.isDirectory()) {
                                try (InputStream in = jf.getInputStream(e)) {
                                    files.putIfAbsent(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                                }
                            }
                        }
                    }
                } else if ("file".equals(root.getProtocol())) {
                    Path dir = Path.of(root.toURI());
                    List<Path> tomls = new ArrayList<>();
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(p -> p.toString().endsWith(".toml") && Files.isRegularFile(p)).forEach(tomls::add);
                    }
                    for (Path p : tomls) {
                        String name = ROOT + dir.relativize(p).toString().replace('\\', '/');
                        files.putIfAbsent(name, Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            throw new RuleFileException(ROOT, null, "cannot list the built-in rules: " + RuleLoader.oneLine(e.getMessage()), e);
        }
        return files;
    }
}
