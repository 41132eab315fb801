package dev.keyhound.finding;

/** One part of a finding's credential: the rule that found it, what it is, the raw value and where it first was. */
public record FindingPart(String ruleId, String part, String secret, double entropy, Location location) {
}
