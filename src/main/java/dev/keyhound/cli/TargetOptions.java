package dev.keyhound.cli;

import dev.keyhound.source.SourceOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to scan: the paths and the git mode. Shared by `scan` and `baseline create`. */
public final class TargetOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files, directories or a git repository to scan (default: .). '-' reads standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--no-git", description = "Scan PATHs as plain files, ignoring .git/ (no history).")
    boolean noGit;

    @Option(names = "--no-history", description = "In a git repository, scan the working tree only (tracked and untracked, not ignored).")
    boolean noHistory;

    @Option(names = "--staged", description = "Scan what is staged for the next commit (added lines only): the pre-commit mode.")
    boolean staged;

    @Option(names = "--range", paramLabel = "A..B", description = "Scan the lines added by the commits in A..B.")
    String range;

    @Option(names = "--since", paramLabel = "REF", description = "Scan the lines added by the commits after REF up to HEAD (REF..HEAD).")
    String since;

    @Option(names = "--branch", paramLabel = "REF", description = "Limit a history scan to this branch or ref (repeatable; default: every ref).")
    List<String> branches = new ArrayList<>();

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Skip files and blobs larger than SIZE (default: 10MB; accepts 5MB, 512k, 1g).")
    long maxFileSize = SourceOptions.DEFAULT_MAX_FILE_SIZE;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    public List<String> paths() {
        return paths.isEmpty() ? List.of(".") : List.copyOf(paths);
    }

    public SourceOptions sourceOptions() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UsageException("--threads must be at least 1, not " + n);
        }
        return new SourceOptions(maxFileSize, n);
    }

    /** The git mode asked for, or null for the default (history in a repository, files elsewhere). */
    String gitMode() {
        List<String> modes = new ArrayList<>();
        if (staged) {
            modes.add("--staged");
        }
        if (range != null) {
            modes.add("--range");
        }
        if (since != null) {
            modes.add("--since");
        }
        if (noHistory) {
            modes.add("--no-history");
        }
        if (!branches.isEmpty()) {
            modes.add("--branch");
        }
        if (modes.size() > 1) {
            throw new UsageException(String.join(" and ", modes) + " cannot be combined");
        }
        if (noGit && !modes.isEmpty()) {
            throw new UsageException("--no-git cannot be combined with " + modes.get(0));
        }
        return modes.isEmpty() ? null : modes.get(0);
    }
}
