package dev.keyhound.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Files and directory trees, .git/ ignored, read on all cores. Symbolic links are not followed
 * (a linked directory could lead out of the tree or into a loop). Under a directory argument,
 * paths are shown relative to it; a file argument is shown as given. OWNER: engine helper.
 */
public final class DirectorySource implements Source {
    private final List<Path> paths;
    private final SourceOptions options;

    /** One file to read, with the path to show for it. */
    private record Entry(Path file, String display, long size) {
    }

    public DirectorySource(List<Path> paths, SourceOptions options) {
        this.paths = List.copyOf(paths);
        this.options = options;
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadTargetException("no such file or directory: " + p);
            }
            if (Files.isDirectory(p)) {
                // A root named through a symbolic link is walked at its target; links below it are not followed.
                collect(p.toRealPath(), entries, stats);
            } else {
                long size = Files.isRegularFile(p) ? Files.size(p) : 0;
                entries.add(new Entry(p, p.toString().replace('\\', '/'), size));
            }
        }
        stats.expectedBlobs.set(entries.size());
        stats.expectedBytes.set(entries.stream().mapToLong(Entry::size).sum());

        Parallel.forEach(entries, options.threads(), 1, () -> e -> read(e, sink, stats));
    }

    private void collect(Path root, List<Entry> entries, ScanStats stats) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().equals(".git")) {
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    entries.add(new Entry(file, rel, attrs.size()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                unreadable(stats, file.toString(), exc);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void unreadable(ScanStats stats, String file, Throwable why) {
        stats.unreadable.incrementAndGet();
        stats.warn("cannot read " + file + ": " + why.getClass().getSimpleName()
                + (why.getMessage() == null ? "" : " " + why.getMessage()));
    }

    private void read(Entry e, BlobSink sink, ScanStats stats) {
        if (!stats.wanted(sink, e.display())) {
            return;
        }
        if (e.size() > options.maxFileSize()) {
            stats.skippedTooLarge.incrementAndGet();
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(e.file());
        } catch (IOException | OutOfMemoryError ex) {
            unreadable(stats, e.display(), ex);
            return;
        }
        if (stats.admit(bytes, options.maxFileSize())) {
            sink.accept(new Blob(Origin.file(e.display()), bytes));
        }
    }

    @Override
    public String describe() {
        if (paths.size() == 1) {
            return paths.get(0).toString();
        }
        return paths.size() + " paths";
    }
}
