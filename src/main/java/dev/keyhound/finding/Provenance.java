package dev.keyhound.finding;

import java.time.Instant;

/** The commit that introduced a blob at a path. */
public record Provenance(String commitId, String author, String email, Instant date, String path) {
}
