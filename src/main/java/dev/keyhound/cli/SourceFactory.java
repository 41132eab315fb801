package dev.keyhound.cli;

import dev.keyhound.source.DirectorySource;
import dev.keyhound.source.SourceOptions;
import dev.keyhound.source.StdinSource;
import dev.keyhound.source.git.GitRepos;
import dev.keyhound.source.git.HistorySource;
import dev.keyhound.source.git.RangeSource;
import dev.keyhound.source.git.StagedSource;
import dev.keyhound.source.git.WorkingTreeSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the target options into one source. A single directory that is a git repository is
 * scanned as git (whole history unless a mode says otherwise); anything else is plain files.
 */
public final class SourceFactory {
    private SourceFactory() {
    }

    public static Target open(TargetOptions options, InputStream stdin) throws IOException {
        String gitMode = options.gitMode();
        List<String> names = options.paths();
        SourceOptions sourceOptions = options.sourceOptions();
        Path cwd = Path.of("").toAbsolutePath();

        if (names.contains("-")) {
            if (names.size() > 1) {
                throw new UsageException("'-' (standard input) cannot be combined with other paths");
            }
            if (gitMode != null) {
                throw new UsageException(gitMode + " needs a git repository, not standard input");
            }
            return new Target(new StdinSource(stdin, sourceOptions), "stdin", cwd, null);
        }

        List<Path> paths = new ArrayList<>();
        for (String name : names) {
            Path p = Path.of(name);
            if (!Files.exists(p)) {
                throw new UsageException("no such file or directory: " + name);
            }
            paths.add(p);
        }
        Path only = paths.size() == 1 ? paths.get(0) : null;
        if (gitMode != null) {
            if (only == null) {
                throw new UsageException(gitMode + " takes one repository, not " + paths.size() + " paths");
            }
            // a git mode names the repository, so a directory inside one (a hook's cwd, say) means that repository
            only = enclosingRepository(only);
            if (only == null) {
                throw new UsageException("not a git repository: " + paths.get(0) + " (" + gitMode + " needs one)");
            }
        }
        Path root = only != null && Files.isDirectory(only) ? only : cwd;
        boolean repository = !options.noGit && only != null && Files.isDirectory(only) && GitRepos.isRepository(only);
        if (!repository) {
            return new Target(new DirectorySource(paths, sourceOptions), "files", root, null);
        }
        if (gitMode == null || gitMode.equals("--branch")) {
            HistorySource history = new HistorySource(only, List.copyOf(options.branches), sourceOptions);
            return new Target(history, "history", root, history::provenance);
        }
        return switch (gitMode) {
            case "--staged" -> new Target(new StagedSource(only, sourceOptions), "staged", root, null);
            case "--no-history" -> new Target(new WorkingTreeSource(only, sourceOptions), "worktree", root, null);
            case "--range" -> range(only, checkedRange(options.range), sourceOptions, root);
            case "--since" -> range(only, checkedSince(options.since), sourceOptions, root);
            default -> throw new IllegalStateException("unhandled git mode " + gitMode);
        };
    }

    /** The directory itself when it is a repository, else the nearest parent that is, else null. */
    private static Path enclosingRepository(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (GitRepos.isRepository(d)) {
                return d.equals(dir.toAbsolutePath().normalize()) ? dir : d;
            }
        }
        return null;
    }

    private static Target range(Path repository, String range, SourceOptions options, Path root) throws IOException {
        RangeSource source = new RangeSource(repository, range, options);
        return new Target(source, "range", root, source::provenance);
    }

    private static String checkedRange(String range) {
        int dots = range.indexOf("..");
        if (dots <= 0 || range.endsWith("..") || range.contains("...")) {
            throw new UsageException("--range needs A..B (two revisions), not '" + range + "'");
        }
        return range;
    }

    private static String checkedSince(String ref) {
        if (ref.isBlank() || ref.contains("..")) {
            throw new UsageException("--since needs one revision, not '" + ref + "'");
        }
        return ref;
    }
}
