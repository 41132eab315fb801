package dev.keyhound.rules;

/**
 * One entry of a gitleaks composite rule ({@code [[rules.required]]}): the rule reports only when a
 * match of {@code ruleId} is also found in the same blob, within the given distance when one is set.
 *
 * @param ruleId        the required rule
 * @param withinLines   max |line difference| between the two matches' starts, or null for any
 * @param withinColumns max |column difference| between the two matches' starts, or null for any
 */
public record CompositeRequirement(String ruleId, Integer withinLines, Integer withinColumns) {
}
