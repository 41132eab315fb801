package dev.keyhound.detect;

/**
 * @param keepAllowed keep credentials covered by an inline allow comment, flagged {@link Credential#allowedInline()}
 */
public record EngineOptions(boolean keepAllowed) {
    public static final EngineOptions DEFAULT = new EngineOptions(false);
}
