package eu.emistreams.classifier.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;

/**
 * A complete, valid concordance: its name, its distinct rules in the order they were given, and its
 * version, the first 12 hex digits of the SHA-256 of the sorted normalised rules. Two files that
 * differ only in rule order, duplicates, spacing or quoting have the same version.
 */
public final class RuleSet {

    private static final int VERSION_HEX_DIGITS = 12;

    /** The reason given for a file with a header and no rule. */
    static final String NO_RULE = "the concordance holds no rule";

    private final String name;
    private final List<Rule> rules;
    private final String version;

    private RuleSet(String name, List<Rule> rules) {
        this.name = Objects.requireNonNull(name, "name");
        this.rules = rules;
        this.version = versionOf(rules);
    }

    /** A rule set over already validated rules; duplicates are dropped. */
    public static RuleSet of(String name, Collection<Rule> rules) {
        return new RuleSet(name, List.copyOf(new LinkedHashSet<>(rules)));
    }

    /**
     * Validates raw rules (from a file or a published record) and builds the rule set.
     *
     * @throws MalformedConcordanceException naming every refused line, when any is refused or
     *     there is no rule at all
     */
    public static RuleSet validate(String name, List<RawRule> rawRules) {
        List<ConcordanceProblem> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>(rawRules.size());
        for (RawRule raw : rawRules) {
            try {
                rules.add(RuleValidator.validate(raw));
            } catch (IllegalArgumentException e) {
                if (problems.size() < MalformedConcordanceException.MAX_PROBLEMS) {
                    problems.add(new ConcordanceProblem(raw.line(), e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MalformedConcordanceException(problems);
        }
        if (rules.isEmpty()) {
            throw new MalformedConcordanceException(
                    List.of(new ConcordanceProblem(1, NO_RULE)));
        }
        return of(name, rules);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Rule count per scheme, every scheme present (0 where none). */
    public Map<Scheme, Integer> countsByScheme() {
        Map<Scheme, Integer> counts = new EnumMap<>(Scheme.class);
        for (Scheme scheme : Scheme.values()) {
            counts.put(scheme, 0);
        }
        rules.forEach(rule -> counts.merge(rule.scheme(), 1, Integer::sum));
        return counts;
    }

    /** The version of a set of rules, independent of their order and of duplicates. */
    public static String versionOf(Collection<Rule> rules) {
        List<String> lines = new ArrayList<>(new LinkedHashSet<>(rules).size());
        for (Rule rule : new LinkedHashSet<>(rules)) {
            lines.add(canonicalLine(rule));
        }
        lines.sort(null);
        MessageDigest sha256 = sha256();
        for (String line : lines) {
            sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, VERSION_HEX_DIGITS);
    }

    /** The rule as a line of a concordance file, quoted only where CSV needs it. */
    static String canonicalLine(Rule rule) {
        return CSVFormat.DEFAULT.format(rule.scheme().name(), rule.pattern(), rule.dimension().name(), rule.code());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RuleSet[" + name + ", version " + version + ", " + rules.size() + " rules]";
    }
}
