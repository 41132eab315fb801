package dev.keyhound.bench;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.detect.context.ContextAssembler;
import dev.keyhound.detect.context.CredentialAssembler;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Content;
import dev.keyhound.source.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * False alarms on a real checkout (a bot framework's tree, where no live key is expected): prints
 * every finding with its severity and the counts with and without attribution.
 *
 * <p>Usage: RealRepoScan DIR
 */
public final class RealRepoScan {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        RuleSet rules = RuleSet.builtIn();
        Engine assembled = new Engine(rules, EngineOptions.DEFAULT, new ContextAssembler(rules));
        Engine single = new Engine(rules, EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        int files = 0;
        int raw = 0;
        int found = 0;
        int info = 0;
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).toList();
        }
        for (Path p : paths) {
            byte[] b = Files.readAllBytes(p);
            if (Content.looksBinary(b)) {
                continue;
            }
            files++;
            Blob blob = new Blob(Origin.file(root.relativize(p).toString()), b);
            raw += single.detect(blob).size();
            for (Credential c : assembled.detect(blob)) {
                found++;
                info += c.severity().name().equals("INFO") ? 1 : 0;
                System.out.printf("%s:%d %s %s %s %s%n", blob.origin().path(), c.primary().line(), c.provider(),
                        c.severity().label(), c.primary().part(), c.primary().ruleId());
            }
        }
        System.out.printf("files=%d rules-only=%d assembled=%d (info %d)%n", files, raw, found, info);
    }
}
