package dev.keyhound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.Severity;
import dev.keyhound.source.ScanStats;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OptionParsingTest {
    @Test
    void sizesAcceptUnitsInPowersOf1024() {
        assertEquals(10L << 20, ByteSizeConverter.parse("10MB"));
        assertEquals(5L << 20, ByteSizeConverter.parse("5M"));
        assertEquals(512L << 10, ByteSizeConverter.parse("512k"));
        assertEquals(1L << 30, ByteSizeConverter.parse("1g"));
        assertEquals(2048, ByteSizeConverter.parse("2048"));
        assertEquals(1536L << 10, ByteSizeConverter.parse("1.5MiB"));
        assertThrows(CommandLine.TypeConversionException.class, () -> ByteSizeConverter.parse("ten"));
        assertThrows(CommandLine.TypeConversionException.class, () -> ByteSizeConverter.parse("0"));
    }

    @Test
    void reportTargetsAreFormatColonPath() {
        ReportTarget.Converter c = new ReportTarget.Converter();
        assertEquals(new ReportTarget(OutputFormat.SARIF, Path.of("out/k.sarif")), c.convert("sarif:out/k.sarif"));
        assertTrue(c.convert("json:-").toStdout());
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("sarif"));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("xml:out.xml"));
    }

    @Test
    void failOnParsesSeveritiesAndNone() {
        FailOn.Converter c = new FailOn.Converter();
        assertEquals(Severity.HIGH, c.convert("high").threshold());
        assertNull(c.convert("none").threshold());
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("error"));
    }

    @Test
    void progressLineShowsRateAndEtaWhenTheTotalIsKnown() {
        ScanStats stats = new ScanStats();
        stats.blobsScanned.set(500);
        stats.bytesScanned.set(50L << 20);
        String unknown = Progress.line(stats, 5.0);
        assertEquals("scanning 500 blobs  50.0 MB  10.0 MB/s", unknown);
        stats.expectedBlobs.set(1000);
        stats.expectedBytes.set(100L << 20);
        assertEquals("scanning 500/1,000 blobs  50.0/100.0 MB  10.0 MB/s  ETA 0:05", Progress.line(stats, 5.0));
        assertFalse(Progress.line(stats, 0).contains("ETA"));
    }

    @Test
    void onlyAShownProgressLineAsksTheSourceForItsTotals() {
        ScanStats quiet = new ScanStats();
        try (Progress off = new Progress(quiet, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false)) {
            assertFalse(quiet.totalsWanted());
        }
        ScanStats watched = new ScanStats();
        try (Progress on = new Progress(watched, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), true)) {
            assertTrue(watched.totalsWanted());
        }
    }
}
