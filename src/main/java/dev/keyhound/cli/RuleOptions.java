package dev.keyhound.cli;

import dev.keyhound.rules.RuleFileException;
import dev.keyhound.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which rules to use: the built-ins, a replacement directory, plus a user config. */
public final class RuleOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Add the rules and allowlists of a keyhound or gitleaks TOML config.")
    Path config;

    @Option(names = "--rules", paramLabel = "DIR", description = "Use the *.toml rule files under DIR instead of the built-in rules.")
    Path rulesDir;

    /** Loads the rules; a broken or missing rule file is a usage error (exit 2) with a one-line message. */
    public RuleSet load() {
        try {
            RuleSet rules;
            if (rulesDir != null) {
                if (!Files.isDirectory(rulesDir)) {
                    throw new UsageException("--rules: not a directory: " + rulesDir);
                }
                rules = RuleSet.fromDirectory(rulesDir);
            } else {
                rules = RuleSet.builtIn();
            }
            if (config != null) {
                if (!Files.isRegularFile(config)) {
                    throw new UsageException("--config: no such file: " + config);
                }
                rules = rules.withConfig(config);
            }
            return rules;
        } catch (RuleFileException e) {
            throw new UsageException("bad rule file: " + e.getMessage(), e);
        }
    }
}
