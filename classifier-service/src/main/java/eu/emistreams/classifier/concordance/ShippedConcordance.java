package eu.emistreams.classifier.concordance;

import eu.emistreams.classifier.rules.ConcordanceParser;
import eu.emistreams.classifier.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The concordance shipped with the service (documented in docs/concordance.md). It is in force
 * until a user loads another one; its version is computed exactly as for a loaded file.
 */
@ApplicationScoped
public class ShippedConcordance {

    public static final String NAME = "default-concordance.csv";
    static final String RESOURCE = "/concordance/" + NAME;

    private final RuleSet rules = load();

    public RuleSet rules() {
        return rules;
    }

    public static RuleSet load() {
        try (InputStream in = ShippedConcordance.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classifier jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return ConcordanceParser.parse(NAME, reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
