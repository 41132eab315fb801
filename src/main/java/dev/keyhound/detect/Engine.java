package dev.keyhound.detect;

import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import java.util.List;

/**
 * The matching engine: keyword prefilter over the bytes, RE2/J around the hits, entropy,
 * placeholder and allowlist filters, inline allow, then the {@link dev.keyhound.detect.context.CredentialAssembler}
 * (attribution and pairing). OWNER: engine helper. Constructor and detect() are the contract.
 */
public final class Engine implements Detector {
    public Engine(RuleSet rules, EngineOptions options) {
        throw new UnsupportedOperationException("engine: not built yet");
    }

    @Override
    public List<Credential> detect(Blob blob) {
        throw new UnsupportedOperationException("engine: not built yet");
    }
}
