package eu.emistreams.sampledata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the generator wrote into one release directory: the table files and the counted facts of
 * what it put in them. Facts are named {@code <table>.<what>} and state what was written, not what
 * an ingest should conclude; a test applies the counting rules of indicators.md §3 to them.
 *
 * <p>Application categories: {@code publishable} = WO, or EP with internat_appln_id 0, with a
 * known earliest_filing_year; {@code unknown_year} = the same with year 9999; {@code euro_pct} =
 * EP with a non-zero internat_appln_id; {@code non_transnational} = national authorities.
 *
 * <ul>
 *   <li>{@code <table>.rows}: data rows written (header excluded), for the six tables.</li>
 *   <li>{@code tls201.<category>}, {@code tls201.unparsable}: application rows.</li>
 *   <li>{@code tls207.applicant.publishable|unknown_year}: applicant rows (applt_seq_nr &gt; 0) of
 *       existing persons; {@code tls207.inventor_only.transnational}: inventor-only rows of WO and
 *       direct EP applications of any year; {@code tls207.euro_pct|non_transnational}: all rows of
 *       those applications; {@code tls207.missing_person}, {@code tls207.missing_application},
 *       {@code tls207.unparsable}.</li>
 *   <li>{@code tls209|tls202|tls203.<category>}, {@code .missing_application}, {@code .unparsable},
 *       {@code .malformed} (a wrong field count); {@code tls202.multiline}: quoted multi-line titles.</li>
 *   <li>{@code tls206.applicant_of_publishable}, {@code tls206.applicant_of_unknown_year_only},
 *       {@code tls206.not_applicant}; {@code tls206.junk.<code>}: persons per junk country code.</li>
 *   <li>{@code applications.publishable_without_applicant},
 *       {@code applicants.publishable_to_zz}: applicant rows of publishable applications whose raw
 *       country code is not a valid ISO code.</li>
 *   <li>{@code revision.slots.changed|removed|added} against the previous release, and
 *       {@code revision.publishable.new_or_changed|unchanged|retracted}.</li>
 * </ul>
 */
public record GeneratedRelease(Path directory, int revision, List<Path> files, Map<String, Long> facts) {

    public long fact(String name) {
        return facts.getOrDefault(name, 0L);
    }

    /** Sum of the facts whose names start with {@code prefix}. */
    public long sum(String prefix) {
        return facts.entrySet().stream()
                .filter(fact -> fact.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
