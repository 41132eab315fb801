package dev.keyhound.bench;

import dev.keyhound.corpus.CorpusAccess;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.detect.context.ContextAssembler;
import dev.keyhound.detect.context.CredentialAssembler;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What attribution and pairing cost: the engine over the generated exchange corpus (in memory)
 * with the one-credential-per-match assembler (baseline) and with the ContextAssembler, alternated
 * in one run after warm-up. Prints best times and the ratio; never asserted (shared machine).
 *
 * <p>Usage: java -cp target/classes:target/test-classes:... dev.keyhound.bench.AssemblerBench [runs]
 */
public final class AssemblerBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        RuleSet rules = RuleSet.builtIn();
        List<Blob> blobs = new ArrayList<>();
        long bytes = 0;
        for (String[] f : CorpusAccess.files(20261122L)) {
            byte[] b = f[1].getBytes(StandardCharsets.UTF_8);
            bytes += b.length;
            blobs.add(new Blob(Origin.file(f[0]), b));
        }
        Engine single = new Engine(rules, EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        Engine context = new Engine(rules, EngineOptions.DEFAULT, new ContextAssembler(rules));
        double bestSingle = Double.MAX_VALUE;
        double bestContext = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            bestSingle = Math.min(bestSingle, time(single, blobs));
            bestContext = Math.min(bestContext, time(context, blobs));
        }
        System.out.printf("corpus %d files %d bytes: engine+SINGLE best %.1f ms, engine+ContextAssembler best %.1f ms, ratio %.2f%n",
                blobs.size(), bytes, bestSingle * 1e3, bestContext * 1e3, bestContext / bestSingle);
    }

    private static double time(Engine engine, List<Blob> blobs) {
        long t0 = System.nanoTime();
        long n = 0;
        for (Blob b : blobs) {
            n += engine.detect(b).size();
        }
        if (n < 0) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
