package dev.keyhound.report;

import static dev.keyhound.report.ReportFixtures.defaults;
import static dev.keyhound.report.ReportFixtures.options;
import static dev.keyhound.report.ReportFixtures.render;
import static dev.keyhound.report.ReportFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingCollector;
import dev.keyhound.finding.Fixtures;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {
    private final Random rnd = new Random(new SecureRandom().nextLong());

    @Test
    void showsWhereWhatWhenAndWhatToDo() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        String out = text(render(ReportFormat.TEXT, fx.report, defaults()));
        if (Boolean.getBoolean("keyhound.printText")) {
            System.out.println(out);
        }
        Finding pair = fx.report.findings().get(0);
        assertTrue(out.startsWith(".env\n  .env:3:18  AcmeX key + secret  critical\n"), out);
        assertTrue(out.contains("    key      " + fx.secrets.get(0).substring(0, 4) + "…"), out);
        assertTrue(out.contains("    secret   " + fx.secrets.get(1).substring(0, 4) + "…  (line 4)"), out);
        assertTrue(out.contains("    line     ACMEX_API_KEY = \"" + fx.secrets.get(0).substring(0, 4) + "…\""), out);
        assertTrue(out.contains("Alice <alice@example.com>  2021-03-04"), out);
        assertTrue(out.contains("    in HEAD  yes"), out);
        assertTrue(out.contains("    also     deploy/prod.env:3"), out);
        assertTrue(out.contains("    fix      revoke at " + Fixtures.REVOKE_URL + "\n"
                + "             - Delete the key on the API management page.\n"), out);
        assertTrue(out.contains("keyhound ignore " + pair.fingerprint()), out);
        assertTrue(out.contains("keyhound:allow"), out);
        assertTrue(out.contains("    in HEAD  no, but it is still in history"), out);
        assertTrue(out.contains("fix      revoke it with its issuer"), "generic advice without a revoke page");
        assertFalse(out.contains("\u001b["), "no colour unless asked");
        assertFalse(out.contains("test/fixture.py"), "suppressed findings hidden by default");
    }

    @Test
    void knownExamplesAreNotesAfterTheLeaks() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        String out = text(render(ReportFormat.TEXT, fx.report, defaults()));
        int notes = out.indexOf("Notes (known public examples");
        assertTrue(notes > 0, out);
        assertTrue(out.indexOf("docs/README.md") > notes);
        assertTrue(out.indexOf("src/app.py") < notes);
        assertTrue(out.contains("docs/README.md:5:14  Generic token  note"), out);
        assertTrue(out.contains("note     public documentation example"), out);
    }

    @Test
    void summaryBlockHasTheFiguresUnusedIgnoresAndWarnings() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        ScanSummary s = fx.report.summary();
        ScanSummary withUnused = new ScanSummary(s.target(), s.mode(), s.refs(), s.commits(), s.blobs(), s.bytes(),
                s.skippedBinary(), s.skippedTooLarge(), s.skippedMissing(), s.unreadable(), s.skippedAllowlisted(), s.findings(),
                s.suppressed(), List.of("ab".repeat(32)), s.warnings(), s.millis());
        String out = text(render(ReportFormat.TEXT, new ScanReport(fx.report.findings(), withUnused, fx.report.rules()),
                defaults()));
        String summary = out.substring(out.lastIndexOf("Summary\n"));
        assertTrue(summary.contains("scanned   all refs of repo: 2 refs, 17 commits, 40 blobs, 80.0 KiB in 1.5 s"), summary);
        assertTrue(summary.contains("skipped   1 binary, 0 too large, 0 missing objects, 0 unreadable, 0 at allowlisted paths\n"), summary);
        assertTrue(summary.contains("findings  3 leaks (1 critical, 1 high, 1 medium), 1 note; 1 suppressed"), summary);
        assertTrue(summary.contains("unused ignore entries"), summary);
        assertTrue(summary.contains("    " + "ab".repeat(32) + "\n"), summary);
        assertTrue(summary.contains("    - shallow clone: commits before the boundary were not scanned"), summary);
    }

    @Test
    void colourOnlyWhenAskedAndSuppressedOnlyWhenShown() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        String out = text(render(ReportFormat.TEXT, fx.report, options(true, true, false, true)));
        assertTrue(out.contains("\u001b[1;31mcritical\u001b[0m"), out);
        assertTrue(out.contains("[suppressed: inline]"), out);
    }

    @Test
    void morePlacesAreCountedAndVerboseListsThem() {
        String tok = Fixtures.alnum(rnd, 40);
        FindingCollector c = new FindingCollector(8);
        for (int i = 0; i < 12; i++) {
            c.add(Fixtures.file("f" + (char) ('a' + i) + ".env"), List.of(Fixtures.token(tok, 1)));
        }
        ScanReport report = new ScanReport(c.findings(null), ReportFixtures.sample(rnd).report.summary(),
                Fixtures.rules());
        String brief = text(render(ReportFormat.TEXT, report, defaults()));
        assertEquals(2, count(brief, "    also     "));
        assertTrue(brief.contains("+9 more places (--verbose lists them)"), brief);
        String verbose = text(render(ReportFormat.TEXT, report, options(true, false, true, false)));
        assertEquals(7, count(verbose, "    also     "));
        assertTrue(verbose.contains("+4 more places\n"), verbose);
    }

    @Test
    void cleanScanSaysSo() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        String out = text(render(ReportFormat.TEXT, new ScanReport(List.of(), fx.report.summary(), fx.report.rules()),
                defaults()));
        assertTrue(out.startsWith("Summary\n"), out);
        assertTrue(out.contains("findings  no leaks found"), out);
    }

    private static int count(String s, String piece) {
        int n = 0;
        for (int i = s.indexOf(piece); i >= 0; i = s.indexOf(piece, i + 1)) {
            n++;
        }
        return n;
    }
}
