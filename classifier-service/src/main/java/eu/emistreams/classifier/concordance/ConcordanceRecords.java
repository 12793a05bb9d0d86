package eu.emistreams.classifier.concordance;

import eu.emistreams.classifier.rules.RawRule;
import eu.emistreams.classifier.rules.Rule;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.concordance.ConcordanceRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Converts between a {@link RuleSet} and the {@link Concordance} event published on emi.concordance. */
public final class ConcordanceRecords {

    private ConcordanceRecords() {
    }

    public static Concordance toRecord(RuleSet rules, Instant loadedAt) {
        List<ConcordanceRule> published = new ArrayList<>(rules.rules().size());
        for (Rule rule : rules.rules()) {
            published.add(new ConcordanceRule(rule.scheme().name(), rule.pattern(), rule.dimension().name(), rule.code()));
        }
        return Concordance.newBuilder()
                .setVersion(rules.version())
                .setName(rules.name())
                .setLoadedAt(loadedAt.toEpochMilli())
                .setRules(published)
                .build();
    }

    /**
     * Validates the rules of a published record as if they were a file: rule {@code i} (from 0)
     * is reported as line {@code i + 2}, the line it would hold under the header.
     *
     * @throws eu.emistreams.classifier.rules.MalformedConcordanceException when a rule is invalid
     */
    public static RuleSet toRuleSet(Concordance record) {
        List<RawRule> raw = new ArrayList<>(record.getRules().size());
        long line = 2;
        for (ConcordanceRule rule : record.getRules()) {
            raw.add(new RawRule(line++, rule.getScheme(), rule.getPattern(), rule.getDimension(), rule.getCode()));
        }
        return RuleSet.validate(record.getName(), raw);
    }
}
