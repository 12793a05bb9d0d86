package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.config.QueryConfig;
import eu.emistreams.query.serving.IndicatorCatalog;
import eu.emistreams.query.serving.IndicatorFilter;
import eu.emistreams.query.serving.IndicatorRow;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import eu.emistreams.query.serving.InteractiveQueries;
import eu.emistreams.query.serving.ProvisionalYears;
import eu.emistreams.query.serving.UnknownValueException;
import eu.emistreams.query.status.SourceAccounting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads a member state's indicators from every instance, with their provenance, and the EU27's and
 * the peers' values shown beside them ({@link Benchmarks}), and makes them a fact sheet. Fact sheets exist for the EU27: the EU27 ranks that half the figures show exist for
 * no other country, so any other valid country is answered 404 like an unknown one, with the reason.
 */
@ApplicationScoped
public class FactSheetService {

    @Inject
    InteractiveQueries queries;

    @Inject
    ProvisionalYears provisionalYears;

    @Inject
    QueryConfig config;

    /** The country's fact sheet data; a store that is not ready ends in a 503 like every other query. */
    public FactSheetData data(String country) {
        return data(country, null);
    }

    /** The country's fact sheet data under the variant rule set {@code variant} (checked; null: the rules in force). */
    public FactSheetData data(String country, String variant) {
        String member = requireMemberState(country);
        IndicatorFilter filter = IndicatorFilter.parse(FactSheetAssembler.INDICATORS, List.of(member), null, null)
                .withVariant(variant);
        List<IndicatorRowWithProvenance> rows = new ArrayList<>(queries.indicatorsWithProvenance(filter));
        rows.addAll(queries.indicatorsWithProvenance(IndicatorFilter.parse(FactSheetAssembler.BENCHMARK_INDICATORS,
                FactSheetAssembler.BENCHMARK_COUNTRIES, null, null).withVariant(variant)));
        return FactSheetAssembler.assemble(member, rows, provisionalYears.current(), config.highlights().minBaseCount(),
                lastReleases());
    }

    /** Per source, the release ingested last, as {@code GET /api/status} names it. */
    private Map<DataSource, ReleaseChanges.LastRelease> lastReleases() {
        Map<DataSource, ReleaseChanges.LastRelease> last = new EnumMap<>(DataSource.class);
        Map<String, SourceAccounting> bySource = SourceAccounting.bySource(queries.ingestReports().values());
        for (DataSource source : DataSource.values()) {
            SourceAccounting accounting = bySource.get(source.provenanceName());
            if (accounting != null) {
                last.put(source, new ReleaseChanges.LastRelease(accounting.release(), accounting.status()));
            }
        }
        return last;
    }

    public FactSheetContent content(String country) {
        return FactSheetContent.of(data(country));
    }

    public FactSheetContent content(String country, String variant) {
        return FactSheetContent.of(data(country, variant));
    }

    /**
     * The country's patent shares and ranks under the rules in force and under {@code variant}
     * (checked and loaded), for {@code year} or the latest year with patent data.
     */
    public Sensitivity.SensitivityView sensitivity(String country, String variant, String variantVersion,
            OptionalInt year) {
        String member = requireMemberState(country);
        IndicatorFilter filter = IndicatorFilter.parse(Sensitivity.INDICATORS, List.of(member), null,
                year.isPresent() ? List.of(String.valueOf(year.getAsInt())) : null);
        List<IndicatorRow> inForce = queries.indicatorAnswer(filter).rows();
        List<IndicatorRow> underVariant = queries.indicatorAnswer(filter.withVariant(variant)).rows();
        return Sensitivity.of(member, variant, variantVersion, year, inForce, underVariant, provisionalYears.current());
    }

    /**
     * The upper-case code of an EU27 member state.
     *
     * @throws UnknownValueException for anything else, naming the member states or the hint for EL
     */
    public static String requireMemberState(String country) {
        String upper = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (EmiCodes.isEu27(upper)) {
            return upper;
        }
        String hint = IndicatorCatalog.countryHint(upper);
        String detail;
        if (hint != null && EmiCodes.isEu27(hint)) {
            detail = upper + " is not an ISO 3166-1 alpha-2 code; use " + hint;
        } else if (IndicatorCatalog.COUNTRIES.contains(upper)) {
            detail = upper + " is not an EU27 member state; fact sheets exist for " + String.join(", ", EmiCodes.EU27);
        } else {
            detail = upper + " is not an ISO 3166-1 alpha-2 country code; fact sheets exist for "
                    + String.join(", ", EmiCodes.EU27);
        }
        throw new UnknownValueException("country", upper, detail);
    }
}
