package dev.keyhound.cli;

import dev.keyhound.finding.ProvenanceLookup;
import dev.keyhound.source.Source;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The source a scan reads, what kind of scan it is, where its ignore file lives, and how to ask the
 * source afterwards where its findings came from (history and range scans; null otherwise).
 *
 * @param mode "files", "stdin", "history", "staged", "range", "worktree" (as ScanSummary names them)
 * @param root the directory whose .keyhoundignore applies: the repository or the scanned directory
 */
public record Target(Source source, String mode, Path root, Supplier<ProvenanceLookup> provenance) {
    public ProvenanceLookup provenanceLookup() {
        return provenance == null ? null : provenance.get();
    }
}
