package dev.keyhound.finding;

/**
 * One place a secret was seen.
 *
 * @param path       display path (repo-relative for git)
 * @param line       1-based
 * @param column     1-based, first char of the secret
 * @param endColumn  just past the secret
 * @param lineText   the raw line (reports redact the secret in it)
 * @param blobId     git blob id or null
 * @param provenance the commit that introduced it there, or null (not git, or not resolved)
 */
public record Location(String path, int line, int column, int endColumn, String lineText,
                       String blobId, Provenance provenance) {
}
