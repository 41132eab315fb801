package dev.keyhound.report;

import dev.keyhound.finding.Finding;
import dev.keyhound.rules.RuleSet;
import java.util.List;

/** Everything a report writer reads: the findings, the figures and the rules (for descriptions and revoke steps). */
public record ScanReport(List<Finding> findings, ScanSummary summary, RuleSet rules) {
    public ScanReport {
        findings = List.copyOf(findings);
    }
}
