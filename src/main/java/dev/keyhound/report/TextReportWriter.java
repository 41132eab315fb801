package dev.keyhound.report;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingPart;
import dev.keyhound.finding.Location;
import dev.keyhound.finding.Provenance;
import dev.keyhound.rules.Revoke;
import dev.keyhound.rules.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for people: findings grouped by file, each with what it is, where, since when, and
 * what to do now; known public examples (severity info) as notes after the leaks; a summary last.
 */
final class TextReportWriter implements ReportWriter {
    /** Places listed under a finding without --verbose. */
    static final int PLACES_SHOWN = 3;
    private static final String INDENT = "    ";

    @Override
    public void write(ScanReport report, ReportOptions options, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Style st = new Style(options.color());
        Redaction redaction = Redaction.of(options);
        List<Finding> leaks = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        for (Finding f : Advice.visible(report, options)) {
            (f.severity() == Severity.INFO ? notes : leaks).add(f);
        }
        writeGroups(w, report, options, st, redaction, leaks);
        if (!notes.isEmpty()) {
            w.write(st.bold("Notes") + " (known public examples and other values that are not live leaks):\n\n");
            writeGroups(w, report, options, st, redaction, notes);
        }
        StringBuilder b = new StringBuilder();
        summary(b, report, st, leaks, notes);
        w.write(b.toString());
        w.flush();
    }

    /** Findings grouped by file, each file in the order its first finding comes; written one finding at a time. */
    private void writeGroups(Writer w, ScanReport report, ReportOptions options, Style st,
                             Redaction redaction, List<Finding> findings) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            byFile.computeIfAbsent(path(f.primary().location()), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            w.write(st.bold(e.getKey()) + "\n");
            for (Finding f : e.getValue()) {
                StringBuilder b = new StringBuilder();
                finding(b, report, options, st, redaction, f);
                w.write(b.toString());
            }
        }
    }

    private void finding(StringBuilder b, ScanReport report, ReportOptions options, Style st, Redaction redaction,
                         Finding f) {
        FindingPart primary = f.primary();
        Location where = primary.location();
        b.append("  ").append(path(where)).append(':').append(where == null ? 0 : where.line()).append(':')
                .append(where == null ? 0 : where.column()).append("  ")
                .append(st.bold(Advice.title(report.rules(), f))).append("  ")
                .append(st.severity(f.severity(), f.severity() == Severity.INFO ? "note" : f.severity().label()));
        if (f.suppression() != null) {
            b.append("  ").append(st.dim("[suppressed: " + f.suppression() + "]"));
        }
        b.append('\n');
        if (f.note() != null) {
            b.append(INDENT).append("note     ").append(f.note()).append('\n');
        }
        for (FindingPart p : f.parts()) {
            b.append(INDENT).append(pad(p.part(), 9)).append(redaction.secret(p.secret()));
            Location l = p.location();
            if (l != null && p != primary) {
                b.append(st.dim("  (" + (l.path().equals(path(where)) ? "" : l.path() + ":") + "line " + l.line() + ")"));
            }
            b.append("   ").append(st.dim("rule " + p.ruleId())).append('\n');
        }
        if (where != null && where.lineText() != null) {
            b.append(INDENT).append("line     ").append(st.dim(redaction.line(where.lineText(), f).strip())).append('\n');
        }
        if (where != null && where.provenance() != null) {
            b.append(INDENT).append("commit   ").append(provenance(where.provenance())).append('\n');
        }
        if (f.stillInHead() != null) {
            b.append(INDENT).append("in HEAD  ").append(f.stillInHead() ? "yes"
                    : "no, but it is still in history and every clone").append('\n');
        }
        int listed = options.verbose() ? f.seenAt().size() : Math.min(PLACES_SHOWN, f.seenAt().size());
        for (int i = 1; i < listed; i++) {
            Location l = f.seenAt().get(i);
            b.append(INDENT).append("also     ").append(l.path()).append(':').append(l.line())
                    .append(l.provenance() == null ? "" : "  " + provenance(l.provenance())).append('\n');
        }
        int more = f.seenCount() - Math.max(listed, 1);
        if (more > 0) {
            b.append(INDENT).append("+").append(more).append(more == 1 ? " more place" : " more places")
                    .append(options.verbose() || f.seenAt().size() <= listed ? "" : " (--verbose lists them)")
                    .append('\n');
        }
        if (f.severity() != Severity.INFO) {
            fix(b, Advice.revoke(report.rules(), f));
        }
        b.append(INDENT).append("not a leak? ").append(st.dim(Advice.silenceHint(f))).append('\n');
        b.append('\n');
    }

    private static void fix(StringBuilder b, Revoke revoke) {
        b.append(INDENT).append("fix      ")
                .append(revoke.url() == null ? "revoke it with its issuer" : "revoke at " + revoke.url());
        for (String step : revoke.steps()) {
            b.append("\n").append(INDENT).append("         - ").append(step);
        }
        b.append('\n');
    }

    private static void summary(StringBuilder b, ScanReport report, Style st, List<Finding> leaks, List<Finding> notes) {
        ScanSummary s = report.summary();
        b.append(st.bold("Summary")).append('\n');
        if (s != null) {
            StringBuilder scanned = new StringBuilder("  scanned   ").append(s.target()).append(": ");
            if (s.refs() > 0) {
                scanned.append(num(s.refs())).append(s.refs() == 1 ? " ref, " : " refs, ");
            }
            if (s.commits() > 0) {
                scanned.append(num(s.commits())).append(" commits, ");
            }
            scanned.append(num(s.blobs())).append(s.mode() != null && s.mode().startsWith("file") ? " files, " : " blobs, ")
                    .append(bytes(s.bytes())).append(" in ").append(seconds(s.millis()));
            b.append(scanned).append('\n');
            // always given, so "nothing skipped" is a statement rather than a silence
            b.append("  skipped   ");
            if (s.skipped() == 0) {
                b.append("nothing\n");
            } else {
                b.append(num(s.skippedBinary())).append(" binary, ")
                        .append(num(s.skippedTooLarge())).append(" too large, ")
                        .append(num(s.skippedMissing())).append(" missing objects, ")
                        .append(num(s.unreadable())).append(" unreadable, ")
                        .append(num(s.skippedAllowlisted())).append(" at allowlisted paths\n");
            }
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : leaks) {
            if (f.suppression() == null) {
                counts.merge(f.severity(), 1, Integer::sum);
            }
        }
        int live = counts.values().stream().mapToInt(Integer::intValue).sum();
        b.append("  findings  ");
        if (live == 0) {
            b.append("no leaks found");
        } else {
            List<String> parts = new ArrayList<>();
            counts.forEach((sev, n) -> parts.add(n + " " + sev.label()));
            b.append(st.severity(counts.keySet().iterator().next(), live + (live == 1 ? " leak" : " leaks")))
                    .append(" (").append(String.join(", ", parts)).append(')');
        }
        if (!notes.isEmpty()) {
            b.append(", ").append(notes.size()).append(notes.size() == 1 ? " note" : " notes");
        }
        if (s != null && s.suppressed() > 0) {
            b.append("; ").append(s.suppressed()).append(" suppressed");
        }
        b.append('\n');
        if (s != null && !s.unusedIgnores().isEmpty()) {
            b.append("  unused ignore entries (matched nothing; remove them from .keyhoundignore):\n");
            s.unusedIgnores().forEach(fp -> b.append("    ").append(fp).append('\n'));
        }
        if (s != null && !s.warnings().isEmpty()) {
            b.append("  warnings\n");
            s.warnings().forEach(w -> b.append("    - ").append(w).append('\n'));
        }
    }

    private static String provenance(Provenance p) {
        StringBuilder b = new StringBuilder();
        b.append(p.commitId() == null ? "?" : Advice.shortCommit(p.commitId()));
        if (p.author() != null) {
            b.append("  ").append(p.author());
            if (p.email() != null) {
                b.append(" <").append(p.email()).append('>');
            }
        }
        if (p.date() != null) {
            b.append("  ").append(p.date().toString(), 0, 10);
        }
        return b.toString();
    }

    private static String path(Location l) {
        return l == null ? "-" : l.path();
    }

    private static String pad(String s, int width) {
        String t = s == null ? "secret" : s;
        return t.length() >= width ? t + " " : t + " ".repeat(width - t.length());
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** ANSI colour, or plain text when colour is off. */
    private record Style(boolean on) {
        String bold(String s) {
            return on ? "\u001b[1m" + s + "\u001b[0m" : s;
        }

        String dim(String s) {
            return on ? "\u001b[2m" + s + "\u001b[0m" : s;
        }

        String severity(Severity sev, String s) {
            if (!on) {
                return s;
            }
            String code = switch (sev) {
                case CRITICAL, HIGH -> "\u001b[1;31m";
                case MEDIUM -> "\u001b[33m";
                case LOW -> "\u001b[36m";
                case INFO -> "\u001b[2m";
            };
            return code + s + "\u001b[0m";
        }
    }
}
