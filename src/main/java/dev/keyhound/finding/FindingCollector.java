package dev.keyhound.finding;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Match;
import dev.keyhound.rules.Severity;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Groups credentials from many blobs into findings by fingerprint (one secret in many blobs,
 * commits and paths is one finding). Thread-safe: sources call {@link #add} from many threads.
 *
 * <p>Every occurrence is kept in a compact form (origin, positions, the line interned per finding,
 * so thousands of versions of one config file cost little), because the places to show are chosen
 * only once provenance is known: first introduced first. Choosing them at {@code add} time would
 * depend on thread timing. {@code locationCap} bounds what a finding reports, not what it counts.
 *
 * <p>Provenance: {@link ProvenanceLookup#introductions} is asked for the blob ids of all findings
 * at once. A blob introduced at several paths gives one location per path. For a range or staged
 * scan ({@link Origin#commitId()} set) a location takes its blob's introduction in that commit;
 * when the lookup has none for the blob, the collector asks again keyed by the commit id, so a
 * lookup that maps commit id to provenance works as well. A lookup ignores ids it does not know.
 *
 * <p>A finding is suppressed "inline" only when every place it was seen is covered by a
 * {@code keyhound:allow}: a secret allowed in one file and leaked in another is still leaked.
 * Its severity is the most severe any occurrence had.
 * OWNER: findings helper.
 */
public final class FindingCollector {
    private final int locationCap;
    private final ConcurrentHashMap<String, Group> groups = new ConcurrentHashMap<>();

    /** @param locationCap how many places per finding to keep (the count is always kept) */
    public FindingCollector(int locationCap) {
        if (locationCap < 1) {
            throw new IllegalArgumentException("locationCap must be at least 1, was " + locationCap);
        }
        this.locationCap = locationCap;
    }

    public void add(Blob blob, List<Credential> credentials) {
        Origin origin = blob.origin();
        for (Credential c : credentials) {
            String fp = Fingerprint.of(c);
            groups.computeIfAbsent(fp, k -> new Group()).add(origin, c);
        }
    }

    /** True when nothing was collected. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /**
     * The findings, sorted (severity, then path, line, fingerprint), with provenance and
     * stillInHead filled in from the lookup when one is given (git history and range scans),
     * null otherwise.
     */
    public List<Finding> findings(ProvenanceLookup lookup) {
        Map<String, Group> snapshot = new HashMap<>(groups);
        Map<String, List<Provenance>> intro = Map.of();
        Set<String> inHead = Set.of();
        if (lookup != null) {
            Set<String> blobIds = new TreeSet<>();
            for (Group g : snapshot.values()) {
                g.blobIds(blobIds);
            }
            if (!blobIds.isEmpty()) {
                intro = new HashMap<>(lookup.introductions(blobIds));
                inHead = lookup.presentInHead(blobIds);
                Set<String> commits = new TreeSet<>();
                for (Group g : snapshot.values()) {
                    g.unresolvedCommits(intro, commits);
                }
                if (!commits.isEmpty()) {
                    for (Map.Entry<String, List<Provenance>> e : lookup.introductions(commits).entrySet()) {
                        intro.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
            }
        }
        List<Finding> out = new ArrayList<>(snapshot.size());
        for (Map.Entry<String, Group> e : snapshot.entrySet()) {
            out.add(e.getValue().toFinding(e.getKey(), lookup == null ? null : intro, inHead, locationCap));
        }
        out.sort(ORDER);
        return out;
    }

    /** The report order: most severe first, then by where the secret first was, then by fingerprint. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(f -> f.primary().location().path(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(f -> f.primary().location().line())
            .thenComparing(Finding::fingerprint);

    /** Where a finding's places are listed: introduced first (undated last), then path, line, blob, commit. */
    static final Comparator<Placed> PLACE_ORDER = Comparator
            .comparing((Placed p) -> p.provenance == null ? null : p.provenance.date(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.path, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(p -> p.occurrence.positions[0].line)
            .thenComparingInt(p -> p.occurrence.positions[0].column)
            .thenComparing(p -> p.occurrence.origin.blobId(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.provenance == null ? null : p.provenance.commitId(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.occurrence.origin.commitId(), Comparator.nullsLast(Comparator.naturalOrder()));

    private record Position(int line, int column, int endColumn, String lineText) {
    }

    private record Occurrence(Origin origin, Position[] positions, Severity severity, String note,
                              String provider, String[] partNames, boolean allowedInline) {
    }

    /** What makes two placed occurrences the same place. */
    private record PlaceKey(String path, int line, int column, String blobId, String commitId) {
    }

    /** One occurrence at one path (a blob introduced at two paths is placed twice). */
    private record Placed(Occurrence occurrence, String path, Provenance provenance) {
        Location location(int part) {
            Position pos = occurrence.positions[part];
            return new Location(path, pos.line, pos.column, pos.endColumn, pos.lineText,
                    occurrence.origin.blobId(), provenance);
        }
    }

    /** Everything seen of one fingerprint. Guarded by its own monitor. */
    private static final class Group {
        private final List<Occurrence> occurrences = new ArrayList<>();
        private final Map<String, String> lines = new HashMap<>();
        private String[] ruleIds;
        private String[] secrets;
        private double[] entropies;

        synchronized void add(Origin origin, Credential c) {
            List<Match> parts = c.parts();
            if (ruleIds == null) {
                int n = parts.size();
                ruleIds = new String[n];
                secrets = new String[n];
                entropies = new double[n];
                for (int i = 0; i < n; i++) {
                    Match m = parts.get(i);
                    ruleIds[i] = m.ruleId();
                    secrets[i] = m.secret();
                    entropies[i] = m.entropy();
                }
            }
            Position[] pos = new Position[parts.size()];
            String[] names = new String[parts.size()];
            for (int i = 0; i < pos.length; i++) {
                Match m = parts.get(i);
                names[i] = m.part();
                String text = m.lineText() == null ? null : lines.computeIfAbsent(m.lineText(), t -> t);
                pos[i] = new Position(m.line(), m.column(), m.endColumn(), text);
            }
            occurrences.add(new Occurrence(origin, pos, c.severity(), c.primary().note(), c.provider(),
                    names, c.allowedInline()));
        }

        synchronized void blobIds(Set<String> into) {
            for (Occurrence o : occurrences) {
                if (o.origin.blobId() != null) {
                    into.add(o.origin.blobId());
                }
            }
        }

        synchronized void unresolvedCommits(Map<String, List<Provenance>> intro, Set<String> into) {
            for (Occurrence o : occurrences) {
                String commit = o.origin.commitId();
                if (commit != null && o.origin.blobId() != null
                        && find(intro.get(o.origin.blobId()), commit) == null) {
                    into.add(commit);
                }
            }
        }

        synchronized Finding toFinding(String fingerprint, Map<String, List<Provenance>> intro,
                                       Set<String> inHead, int cap) {
            // Provider and part names come from attribution, which may differ between files
            // (context names the provider); the most severe occurrence, earliest first, decides.
            // Place every occurrence; drop exact duplicates (the same blob delivered twice).
            Map<PlaceKey, Placed> placed = new HashMap<>();
            for (Occurrence o : occurrences) {
                for (Placed p : place(o, intro)) {
                    placed.putIfAbsent(key(p), p);
                }
            }
            List<Placed> ordered = new ArrayList<>(placed.values());
            ordered.sort(PLACE_ORDER);

            boolean allAllowed = true;
            Severity severity = null;
            Placed worst = null;
            for (Placed p : ordered) {
                allAllowed &= p.occurrence.allowedInline;
                if (severity == null || p.occurrence.severity.compareTo(severity) < 0) {
                    severity = p.occurrence.severity;
                    worst = p;
                }
            }
            Placed first = ordered.get(0);
            List<FindingPart> parts = new ArrayList<>(ruleIds.length);
            for (int i = 0; i < ruleIds.length; i++) {
                parts.add(new FindingPart(ruleIds[i], worst.occurrence.partNames[i], secrets[i], entropies[i], first.location(i)));
            }
            List<Location> seenAt = new ArrayList<>(Math.min(cap, ordered.size()));
            for (int i = 0; i < ordered.size() && i < cap; i++) {
                seenAt.add(ordered.get(i).location(0));
            }
            Boolean stillInHead = null;
            if (intro != null) {
                Set<String> blobs = new LinkedHashSet<>();
                blobIds(blobs);
                if (!blobs.isEmpty()) {
                    stillInHead = blobs.stream().anyMatch(inHead::contains);
                }
            }
            return new Finding(fingerprint, worst.occurrence.provider, severity, worst.occurrence.note,
                    parts, seenAt, ordered.size(), stillInHead, allAllowed ? "inline" : null);
        }

        private static List<Placed> place(Occurrence o, Map<String, List<Provenance>> intro) {
            Origin origin = o.origin;
            if (intro == null || origin.blobId() == null) {
                return List.of(new Placed(o, origin.path(), null));
            }
            List<Provenance> provs = intro.getOrDefault(origin.blobId(), List.of());
            if (origin.commitId() != null) {
                Provenance p = find(provs, origin.commitId(), origin.path());
                if (p == null) {
                    List<Provenance> byCommit = intro.getOrDefault(origin.commitId(), List.of());
                    p = byCommit.isEmpty() ? null : byCommit.get(0);
                }
                return List.of(placedAt(o, p));
            }
            if (provs.isEmpty()) {
                return List.of(new Placed(o, origin.path(), null));
            }
            List<Placed> out = new ArrayList<>(provs.size());
            for (Provenance p : provs) {
                out.add(placedAt(o, p));
            }
            return out;
        }

        private static Placed placedAt(Occurrence o, Provenance p) {
            String path = p != null && p.path() != null ? p.path() : o.origin.path();
            return new Placed(o, path, p);
        }

        private static Provenance find(List<Provenance> provs, String commit) {
            return find(provs, commit, null);
        }

        /** The introduction in the given commit, preferring the given path. */
        private static Provenance find(List<Provenance> provs, String commit, String path) {
            if (provs == null) {
                return null;
            }
            Provenance any = null;
            for (Provenance p : provs) {
                if (commit.equals(p.commitId())) {
                    if (path == null || Objects.equals(path, p.path())) {
                        return p;
                    }
                    if (any == null) {
                        any = p;
                    }
                }
            }
            return any;
        }

        private static PlaceKey key(Placed p) {
            Position pos = p.occurrence.positions[0];
            return new PlaceKey(p.path, pos.line, pos.column, p.occurrence.origin.blobId(),
                    p.provenance == null ? p.occurrence.origin.commitId() : p.provenance.commitId());
        }
    }
}
