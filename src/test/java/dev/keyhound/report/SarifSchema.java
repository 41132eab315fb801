package dev.keyhound.report;

import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** The official SARIF 2.1.0 schema check of {@link ReportFixtures}, open to tests in other packages. */
public final class SarifSchema {
    private SarifSchema() {
    }

    /** Validation errors of a SARIF document (empty = valid). */
    public static Set<ValidationMessage> errors(byte[] sarif) {
        return ReportFixtures.sarifErrors(sarif);
    }
}
