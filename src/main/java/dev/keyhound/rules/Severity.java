package dev.keyhound.rules;

import java.util.Locale;

/** How urgent a finding is. Order matters: CRITICAL sorts first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
