package dev.keyhound.detect.context;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Match;
import dev.keyhound.source.Blob;
import java.util.List;

/**
 * Turns one blob's matches into credentials: names the provider of unprefixed values from their
 * context (identifier, sibling fields, ccxt constructor, path, comment), pairs parts of one
 * credential found in the same object or block, and drops matches the context proves harmless.
 * OWNER: exchange-pack helper. The engine calls {@link #assemble} once per blob with matches.
 */
public interface CredentialAssembler {
    /**
     * @param blob    the blob (origin gives the path)
     * @param text    the blob decoded to text (UTF-8 or UTF-16 as detected), as the engine read it
     * @param matches every match the rules produced in the blob, before pairing, in text order
     */
    List<Credential> assemble(Blob blob, String text, List<Match> matches);

    /**
     * False only when {@link #assemble} drops a match of this rule with this secret whatever its
     * context: such a match cannot change what a blob reports (the engine's delta reading relies
     * on it to skip the common generic match of a name assigned a non-secret).
     *
     * @param line   the whole line the secret starts on
     * @param column 1-based column of the secret in it
     */
    default boolean mayReport(String ruleId, String provider, String part, String secret, String path,
                              String line, int column) {
        return true;
    }

    /**
     * True when what {@link #assemble} makes of a match in this file may depend on any line of it,
     * however far: a structured file (JSON, YAML, INI, .env, a notebook) pairs and names values by
     * its sections and objects. The engine's delta reading then reads a changed version whole
     * rather than take over the credentials of the version it was stored against.
     */
    default boolean readsWholeFile(String path) {
        return false;
    }

    /** One credential per match, provider as the rule says. */
    CredentialAssembler SINGLE = (blob, text, matches) -> matches.stream().map(Credential::of).toList();
}
