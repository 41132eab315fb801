package dev.keyhound.detect;

import dev.keyhound.rules.Severity;

/**
 * One secret found in one blob by one rule.
 *
 * @param ruleId    the rule that matched
 * @param provider  provider id ("binance", "aws", "generic"), after attribution
 * @param part      which part of a credential it is ("key", "secret", "passphrase", "private-key", "token", ...)
 * @param severity  after downgrades (known public example, testnet, closed exchange)
 * @param secret    the raw secret (the rule's secret group); reports redact it
 * @param line      1-based line in the blob
 * @param column    1-based column of the secret's first character, counted in chars of the line
 * @param endColumn column just past the secret's last character (SARIF convention)
 * @param lineText  the line holding the secret, cut to at most a few hundred chars around it
 * @param entropy   Shannon entropy of the secret, bits per char
 * @param note      why the severity was lowered ("public documentation example", "testnet key"), or null
 */
public record Match(String ruleId, String provider, String part, Severity severity, String secret,
                    int line, int column, int endColumn, String lineText, double entropy, String note) {

    public Match withAttribution(String provider, String part, Severity severity, String note) {
        return new Match(ruleId, provider, part, severity, secret, line, column, endColumn, lineText, entropy, note);
    }
}
