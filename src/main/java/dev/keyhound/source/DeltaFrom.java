package dev.keyhound.source;

/**
 * How a blob was rebuilt from another blob by a git pack delta, so detection can read again only
 * what the delta changed (performance.md §7.3): most versions of a file differ from the version
 * they are stored against by a few lines.
 *
 * @param baseId object id of the base blob (delivered, and so detected, before this one)
 * @param copies flat triples (offset in this blob, offset in the base, length), in this blob's
 *               order: the runs copied verbatim from the base. Every other byte was inserted by
 *               the delta, and two runs that meet here but not in the base make a seam.
 */
public record DeltaFrom(String baseId, int[] copies) {
}
