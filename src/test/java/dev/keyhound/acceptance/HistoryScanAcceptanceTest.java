package dev.keyhound.acceptance;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhound.report.SarifSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3 end to end: a whole-history scan of a real repository through the CLI, findings and provenance exact. */
class HistoryScanAcceptanceTest {
    @TempDir
    Path tmp;

    final Secrets secrets = new Secrets();
    final String renamed = secrets.bitgetKey();
    final String deleted = secrets.bitgetKey();
    final String twice = secrets.bitgetKey();
    final String onBranch = secrets.bitgetKey();
    final String onTagOnly = secrets.bitgetKey();
    final String stashed = secrets.bitgetKey();

    Path repoDir;
    RevCommit addsProd;
    RevCommit addsDeploy;
    RevCommit renames;
    RevCommit addsTwice;
    RevCommit feature;
    RevCommit merge;
    RevCommit tagged;
    RevCommit stash;

    /** main: readme, leak, deploy added then deleted, rename, same secret in two files, merge of a feature branch; a tag-only commit; a stash. */
    @BeforeEach
    void history() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
            repoDir = repo.dir;
            RevCommit first = repo.write("README.md", "hello\n").commit("readme");
            repo.git.tag().setName("v0").setObjectId(first).setAnnotated(false).call();
            addsProd = repo.write("config/prod.env", "MODE=prod\nBITGET_API_KEY=" + renamed + "\n").commit("prod config");
            addsDeploy = repo.write("deploy.sh", "#!/bin/sh\nexport BITGET_API_KEY=" + deleted + "\n").commit("deploy");
            repo.delete("deploy.sh").commit("remove deploy");
            repo.delete("config/prod.env").write("config/production.env", "MODE=prod\nBITGET_API_KEY=" + renamed + "\n");
            renames = repo.commit("rename config");
            addsTwice = repo.write("a/settings.py", "BITGET_API_KEY = '" + twice + "'\n")
                    .write("b/settings.py", "# copy\nbitget_key = \"" + twice + "\"\n").commit("two settings");

            repo.git.checkout().setCreateBranch(true).setName("feature").call();
            feature = repo.write("feature.txt", "bitget api key: " + onBranch + "\n").commit("feature");
            repo.git.checkout().setName("main").call();
            repo.write("other.txt", "x\n").commit("other");
            MergeResult merged = repo.git.merge().include(feature).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("merge feature").call();
            assertTrue(merged.getMergeStatus().isSuccessful(), merged.toString());
            merge = repo.git.log().setMaxCount(1).call().iterator().next();
            assertEquals(2, merge.getParentCount());

            // a commit only a tag reaches
            repo.git.checkout().setCreateBranch(true).setName("tmp").call();
            tagged = repo.write("release.txt", "bitget_api_key=" + onTagOnly + "\n").commit("release notes");
            PersonIdent tagger = repo.nextIdent();
            repo.git.tag().setName("v1").setObjectId(tagged).setAnnotated(true).setMessage("v1").setTagger(tagger).call();
            repo.git.checkout().setName("main").call();
            repo.git.branchDelete().setBranchNames("tmp").setForce(true).call();

            // an uncommitted change put away in the stash
            repo.write("README.md", "hello\nBITGET_API_KEY=" + stashed + "\n");
            stash = repo.git.stashCreate().setPerson(repo.nextIdent()).call();
            assertNotNull(stash);
        }
    }

    @Test
    void everyRefIsScannedAndEachSecretIsOneFindingWithExactProvenance() {
        Keyhound.Run r = Keyhound.run("scan", "-q", "--no-redact", "--format", "json", repoDir.toString());
        assertEquals(1, r.code(), r.toString());
        JsonNode report = r.json();
        JsonNode summary = report.path("summary");
        assertEquals("history", summary.path("mode").asText());
        assertEquals(5, summary.path("refs").asInt(), "main, feature, v0, v1 and the stash: " + summary);
        assertEquals(6, summary.path("findings").asInt(), summary.toString());
        assertEquals(6, report.path("findings").size(), report.toString());

        JsonNode prod = only(report, renamed);
        assertLocations(prod, loc("config/prod.env", 2, addsProd), loc("config/production.env", 2, renames));
        assertEquals(2, prod.path("seenCount").asInt());
        assertTrue(prod.path("stillInHead").asBoolean());

        JsonNode gone = only(report, deleted);
        assertLocations(gone, loc("deploy.sh", 2, addsDeploy));
        assertFalse(gone.path("stillInHead").asBoolean(true), gone.toString());
        assertFalse(gone.path("stillInHead").isNull(), "history scans know whether it is still in HEAD");

        JsonNode two = only(report, twice);
        assertLocations(two, loc("a/settings.py", 1, addsTwice), loc("b/settings.py", 2, addsTwice));
        assertEquals(2, two.path("seenCount").asInt());

        JsonNode branch = only(report, onBranch);
        assertLocations(branch, loc("feature.txt", 1, feature));
        assertTrue(branch.path("stillInHead").asBoolean(), "merged into main");

        JsonNode tag = only(report, onTagOnly);
        assertLocations(tag, loc("release.txt", 1, tagged));
        assertFalse(tag.path("stillInHead").asBoolean(true));

        JsonNode stashedFinding = only(report, stashed);
        JsonNode where = stashedFinding.path("locations").get(0);
        assertEquals("README.md", where.path("path").asText());
        assertEquals(2, where.path("line").asInt());
        assertEquals(stash.getName(), where.path("commit").asText(), "the stash commit holds the change");
        assertFalse(stashedFinding.path("stillInHead").asBoolean(true));

        for (JsonNode f : report.path("findings")) {
            JsonNode l = f.path("locations").get(0);
            assertEquals(TestRepo.AUTHOR, l.path("author").asText(), f.toString());
            assertEquals(TestRepo.EMAIL, l.path("email").asText(), f.toString());
        }
    }

    /**
     * Vendored code (the built-in allowlist's node_modules) is not read in any mode: counted as
     * skipped, never reported, the repository's own leak still is.
     */
    @Test
    void everyModeSkipsAllowlistedPathsUnreadAndCountsThem() throws Exception {
        String own = secrets.bitgetKey();
        String vendored = secrets.bitgetKey();
        String stagedOwn = secrets.bitgetKey();
        Path dir = tmp.resolve("vendored");
        RevCommit base;
        try (TestRepo repo = TestRepo.init(dir)) {
            base = repo.write("README.md", "hello\n").commit("readme");
            repo.write("app/.env", "BITGET_API_KEY=" + own + "\n")
                    .write("node_modules/pkg/.env", "BITGET_API_KEY=" + vendored + "\n").commit("app and vendored");
            repo.write("app/staged.env", "BITGET_API_KEY=" + stagedOwn + "\n").add("app/staged.env")
                    .write("node_modules/pkg/more.env", "BITGET_API_KEY=" + vendored + "\n").add("node_modules/pkg/more.env");
        }
        record Mode(List<String> args, String leak, int skipped) {
        }
        for (Mode m : List.of(new Mode(List.of(), own, 1), new Mode(List.of("--range", base.getName() + "..HEAD"), own, 1),
                new Mode(List.of("--staged"), stagedOwn, 1), new Mode(List.of("--no-history"), own, 2),
                new Mode(List.of("--no-git"), own, 2))) {
            List<String> args = new ArrayList<>(List.of("scan", "-q", "--no-redact", "--format", "json"));
            args.addAll(m.args());
            args.add(dir.toString());
            Keyhound.Run r = Keyhound.run(args.toArray(String[]::new));
            assertEquals(1, r.code(), m + ": " + r);
            assertTrue(r.out().contains(m.leak()), m + ": " + r.out());
            assertFalse(r.out().contains(vendored), m + ": " + r.out());
            assertEquals(m.skipped(), r.json().path("summary").path("skippedAllowlisted").asInt(), m + ": " + r.json().path("summary"));
        }
    }

    @Test
    void branchOptionLimitsTheRefs() {
        Keyhound.Run r = Keyhound.run("scan", "-q", "--no-redact", "--format", "json", "--branch", "main", repoDir.toString());
        assertEquals(1, r.code(), r.toString());
        String out = r.out();
        for (String s : List.of(renamed, deleted, twice, onBranch)) {
            assertTrue(out.contains(s), "main reaches it");
        }
        assertFalse(out.contains(onTagOnly), "only tag v1 reaches it");
        assertFalse(out.contains(stashed), "only the stash reaches it");
        assertEquals(1, r.json().path("summary").path("refs").asInt());
    }

    @Test
    void aBareCloneIsScannedLikeItsOrigin() throws Exception {
        Path bare = tmp.resolve("bare.git");
        org.eclipse.jgit.api.Git.cloneRepository().setURI(repoDir.toUri().toString()).setDirectory(bare.toFile())
                .setBare(true).setCloneAllBranches(true).call().close();
        Keyhound.Run r = Keyhound.run("scan", "-q", "--no-redact", "--format", "json", bare.toString());
        assertEquals(1, r.code(), r.toString());
        JsonNode report = r.json();
        assertLocations(only(report, deleted), loc("deploy.sh", 2, addsDeploy));
        assertLocations(only(report, onTagOnly), loc("release.txt", 1, tagged));
        assertFalse(r.out().contains(stashed), "a clone has no stash");
        assertEquals(5, report.path("findings").size(), report.toString());
    }

    @Test
    void rangeScanReportsWhatTheRangeAddsWithTheAddingCommit() {
        Keyhound.Run r = Keyhound.run("scan", "-q", "--no-redact", "--format", "json", "--range",
                addsProd.getName() + "..main", repoDir.toString());
        assertEquals(1, r.code(), r.toString());
        JsonNode report = r.json();
        assertEquals("range", report.path("summary").path("mode").asText());
        assertEquals(addsDeploy.getName(), only(report, deleted).path("locations").get(0).path("commit").asText());
        assertEquals(feature.getName(), only(report, onBranch).path("locations").get(0).path("commit").asText(),
                "a branch merged in the range: the commit that added it, as git log shows it");
        assertFalse(r.out().contains(renamed), "added before the range; the rename adds no line");
        assertFalse(r.out().contains(onTagOnly), "not in the range");
    }

    @Test
    void defaultReportsAreRedactedInEveryFormat() {
        for (String format : List.of("text", "json", "sarif", "markdown")) {
            Keyhound.Run r = Keyhound.run("scan", "-q", "--format", format, repoDir.toString());
            assertEquals(1, r.code(), format + ": " + r);
            for (String s : List.of(renamed, deleted, twice, onBranch, onTagOnly, stashed)) {
                assertFalse(r.out().contains(s.substring(3)), format + " holds a raw secret");
                assertFalse(r.err().contains(s.substring(3)), format + " stderr holds a raw secret");
            }
        }
    }

    @Test
    void sarifOfTheHistoryIsValidAndListsTheFurtherPlaces() throws Exception {
        Keyhound.Run r = Keyhound.run("scan", "-q", "--format", "sarif", repoDir.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals(java.util.Set.of(), SarifSchema.errors(r.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).path("runs").get(0).path("results");
        assertEquals(6, results.size());
        JsonNode twiceResult = null;
        for (JsonNode result : results) {
            String uri = result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();
            if (uri.equals("a/settings.py")) {
                twiceResult = result;
            }
            if (uri.equals("deploy.sh")) {
                assertFalse(result.path("properties").path("stillInHead").asBoolean(true), result.toString());
                assertEquals(addsDeploy.getName(), result.path("properties").path("commit").asText());
            }
        }
        assertNotNull(twiceResult, results.toString());
        JsonNode also = twiceResult.path("relatedLocations");
        assertEquals(1, also.size(), twiceResult.toString());
        assertEquals("b/settings.py", also.get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
        assertEquals(2, also.get(0).path("physicalLocation").path("region").path("startLine").asInt());
    }

    @Test
    void textSummaryGivesTheScanFigures() {
        Keyhound.Run r = Keyhound.run("scan", "-q", repoDir.toString());
        assertEquals(1, r.code(), r.toString());
        String summary = r.out().substring(r.out().lastIndexOf("Summary"));
        assertTrue(summary.matches("(?s).*\\b\\d+ commits\\b.*"), summary);
        assertTrue(summary.matches("(?s).*\\b5 refs\\b.*"), summary);
        assertTrue(summary.matches("(?s).*\\b\\d+ blobs\\b.*"), summary);
        assertTrue(summary.matches("(?s).*\\d+(\\.\\d)? (B|KiB|MiB)\\b.*"), summary);
        assertTrue(summary.matches("(?s).*\\d+\\.\\d s\\b.*"), "wall time: " + summary);
        assertTrue(summary.contains("6 leaks"), summary);
        assertTrue(summary.contains("skipped   nothing"), "the skip counts are always given: " + summary);
        assertEquals("", r.err(), "--quiet: nothing on stderr");
    }

    private static JsonNode only(JsonNode report, String secret) {
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            if (f.path("secret").asText().equals(secret)) {
                hits.add(f);
            }
        }
        assertEquals(1, hits.size(), "one finding for " + secret + " in " + report);
        return hits.get(0);
    }

    private record Loc(String path, int line, String commit, String date) {
    }

    private static Loc loc(String path, int line, RevCommit commit) {
        return new Loc(path, line, commit.getName(), commit.getAuthorIdent().getWhenAsInstant().toString());
    }

    private static void assertLocations(JsonNode finding, Loc... expected) {
        List<Loc> actual = new ArrayList<>();
        for (JsonNode l : finding.path("locations")) {
            actual.add(new Loc(l.path("path").asText(), l.path("line").asInt(), l.path("commit").asText(),
                    l.path("date").asText()));
        }
        assertEquals(List.of(expected), actual, finding.toString());
    }
}
