package dev.keyhound.corpus;
import dev.keyhound.detect.*;
import dev.keyhound.detect.context.*;
import dev.keyhound.rules.*;
import dev.keyhound.source.*;
import java.nio.file.*;
import org.junit.jupiter.api.Test;
class RealScanScratchTest {
    @Test void scan() throws Exception {
        RuleSet rules = RuleSet.builtIn();
        Engine engine = new Engine(rules, EngineOptions.DEFAULT, new ContextAssembler(rules));
        Engine single = new Engine(rules, EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        Path root = Path.of(System.getProperty("scan.dir"));
        int files = 0, found = 0, raw = 0;
        try (var s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                files++;
                byte[] b = Files.readAllBytes(p);
                if (Content.looksBinary(b)) continue;
                Blob blob = new Blob(Origin.file(root.relativize(p).toString()), b);
                raw += single.detect(blob).size();
                for (Credential c : engine.detect(blob)) { found++;
                    System.out.println("REAL " + root.relativize(p) + ":" + c.primary().line() + " " + c.provider() + " " + c.severity() + " " + c.primary().part() + " " + c.primary().ruleId() + " | " + c.primary().lineText().trim().substring(0, Math.min(110, c.primary().lineText().trim().length()))); }
            }
        }
        System.out.println("REAL files=" + files + " found=" + found + " raw=" + raw);
    }
}
