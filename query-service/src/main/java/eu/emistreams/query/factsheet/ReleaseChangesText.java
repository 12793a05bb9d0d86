package eu.emistreams.query.factsheet;

import eu.emistreams.query.serving.IndicatorRevision;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words and numbers of the "What changed with the last release" section, from {@link ReleaseChanges}. */
final class ReleaseChangesText {

    static final List<String> HEADERS = List.of("Indicator", "Field", "Year", "Before", "Now", "Change");

    private static final Map<String, String> LABELS = Map.of(
            FactSheetAssembler.COUNTRY_SHARE, "Country share (%)",
            FactSheetAssembler.WORLD_SHARE, "World share (%)",
            FactSheetAssembler.EU27_RANK, "EU27 rank",
            FactSheetAssembler.PATENT_COUNT, "Patent applications (fractional count)",
            FactSheetAssembler.TRADE_BALANCE, "Trade balance (%)",
            FactSheetAssembler.PRODUCTION_SHARE, "Share of production (%)",
            FactSheetAssembler.INVESTMENT, "PE/VC investment (USD million)");

    private ReleaseChangesText() {
    }

    static FactSheetView.ReleaseChangesView view(String country, String countryName, ReleaseChanges changes) {
        String id = "changes-" + changes.source().provenanceName();
        DataSource source = changes.source();
        if (changes.release().isEmpty()) {
            return new FactSheetView.ReleaseChangesView(id, source.displayName(), source.noDataMessage() + ".", false,
                    new DataTable(HEADERS, List.of()), "");
        }
        String release = changes.release().get();
        String heading = source.displayName() + ", release " + release
                + ("COMPLETED".equals(changes.status()) ? "" : " (" + changes.status().toLowerCase(Locale.ROOT) + ")");
        List<List<String>> rows = new ArrayList<>();
        for (IndicatorRevision revision : changes.largest()) {
            rows.add(List.of(label(revision.indicator()), CodeLabels.label(revision.code()), year(revision),
                    number(revision.indicator(), revision.previous()), number(revision.indicator(), revision.value()),
                    signed(revision.indicator(), revision.difference())));
        }
        String href = "/api/revisions?release=" + URLEncoder.encode(release, StandardCharsets.UTF_8) + "&country=" + country;
        return new FactSheetView.ReleaseChangesView(id, heading, summary(countryName, changes), !rows.isEmpty(),
                new DataTable(HEADERS, rows), href);
    }

    /**
     * "It revised 12 of Belgium's fact sheet values and published 3 new ones." and its variants: the
     * values the fact sheet reads ({@link FactSheetAssembler#INDICATORS}); /api/revisions has every one.
     */
    static String summary(String countryName, ReleaseChanges changes) {
        int revised = changes.revised();
        int added = changes.added();
        if (revised == 0 && added == 0) {
            return "It changed none of " + countryName + "'s fact sheet values.";
        }
        StringBuilder text = new StringBuilder();
        if (revised > 0) {
            text.append("It revised ").append(revised).append(" of ").append(countryName)
                    .append("'s fact sheet values");
            if (added > 0) {
                text.append(" and published ").append(added).append(added == 1 ? " new one" : " new ones");
            }
            text.append('.');
        } else {
            text.append("It published ").append(added).append(" of ").append(countryName)
                    .append("'s fact sheet values for the first time.");
        }
        if (revised > changes.largest().size()) {
            text.append(" The ").append(changes.largest().size()).append(" largest revisions, by relative change:");
        } else if (revised > 0) {
            text.append(revised == 1 ? " The revision:" : " The revisions, largest relative change first:");
        }
        return text.toString();
    }

    static String label(String indicator) {
        return LABELS.getOrDefault(indicator, indicator);
    }

    private static String year(IndicatorRevision revision) {
        return revision.indicator().equals(FactSheetAssembler.INVESTMENT) && revision.year() == FactSheetAssembler.INVESTMENT_TOTAL_YEAR
                ? "2015-2023" : Integer.toString(revision.year());
    }

    /** As the figures show it: percentages and counts with the fact sheet's decimals, dollars in millions, ranks whole. */
    static String number(String indicator, double value) {
        if (indicator.equals(FactSheetAssembler.INVESTMENT)) {
            return Numbers.usdMillions(value);
        }
        if (indicator.endsWith("_rank")) {
            return Long.toString(Math.round(value));
        }
        return Numbers.percent(value);
    }

    private static String signed(String indicator, double difference) {
        String number = number(indicator, difference);
        return difference > 0 ? "+" + number : number;
    }
}
