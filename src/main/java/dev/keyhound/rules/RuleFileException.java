package dev.keyhound.rules;

/** A rule file that cannot be used. The message names the file, the rule id (when known) and the reason, on one line. */
public class RuleFileException extends Exception {
    public RuleFileException(String file, String ruleId, String reason) {
        super(file + (ruleId == null ? "" : ": rule '" + ruleId + "'") + ": " + reason);
    }

    public RuleFileException(String file, String ruleId, String reason, Throwable cause) {
        super(file + (ruleId == null ? "" : ": rule '" + ruleId + "'") + ": " + reason, cause);
    }
}
