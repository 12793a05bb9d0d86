package eu.emistreams.ingest.comtrade;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.codes.Countries;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.ingest.keyed.Cells;
import eu.emistreams.ingest.keyed.CsvFilesSource;
import eu.emistreams.ingest.keyed.RowOutcome;
import eu.emistreams.ingest.keyed.RowRejection;
import eu.emistreams.ingest.source.CsvRow;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of indicators.md §5 for one row of a UN Comtrade API or bulk CSV. Columns are found
 * by name in any letter case ({@code refYear} or {@code refyear}); {@code NA} means no value.
 *
 * <p>A row is ignored, for the first reason that applies: not goods ({@code typeCode} other than
 * C), not annual ({@code freqCode} other than A: the natural key has no period), a flow other than
 * X or M (re-exports RX, re-imports RM...), a partner other than World (0), a customs procedure other
 * than the total C00 and a mode of transport other than the total 0 (where those columns exist),
 * a commodity code that is not a 6-digit HS code ({@code TOTAL}, HS chapters and headings are
 * aggregates of the 6-digit rows: counting them too would count values twice). A kept row is
 * rejected when its year, reporter or value is missing or unparsable.
 */
public final class ComtradeRules {

    public static final String TYPE_CODE = "typecode";
    public static final String FREQ_CODE = "freqcode";
    public static final String REF_YEAR = "refyear";
    public static final String REPORTER_ISO = "reporteriso";
    public static final String FLOW_CODE = "flowcode";
    public static final String PARTNER_CODE = "partnercode";
    public static final String CLASSIFICATION_CODE = "classificationcode";
    public static final String CMD_CODE = "cmdcode";
    public static final String CUSTOMS_CODE = "customscode";
    public static final String MOT_CODE = "motcode";
    public static final String PRIMARY_VALUE = "primaryvalue";

    /** Columns without which no row can be judged; the others are read where present. */
    public static final List<String> REQUIRED_COLUMNS = List.of("refYear", "reporterISO", "flowCode", "partnerCode",
            "cmdCode", "primaryValue");

    /** The source's name in URLs, reports and rejects. */
    public static final String SOURCE = "comtrade";

    /** Comtrade as a source of CSV files read by these rules. */
    public static final CsvFilesSource<TradeFlow> FILES = new CsvFilesSource<>(SOURCE, EventTopics.COMTRADE_FLOWS.name(),
            TradeFlow.class, REQUIRED_COLUMNS, ComtradeRules::classify, TradeFlow::setSourceRelease);

    public static final String WORLD = "0";
    public static final String CUSTOMS_TOTAL = "C00";
    public static final String MOT_TOTAL = "0";

    private static final Pattern HS6 = Pattern.compile("\\d{6}");
    private static final Pattern OTHER_HS_LEVEL = Pattern.compile("\\d{1,5}|\\d{7,}|TOTAL");

    private ComtradeRules() {
    }

    public static RowOutcome<TradeFlow> classify(CsvRow row) {
        try {
            return classifyOrThrow(row);
        } catch (RowRejection rejection) {
            return RowOutcome.reject(rejection);
        }
    }

    private static RowOutcome<TradeFlow> classifyOrThrow(CsvRow row) throws RowRejection {
        String type = upper(Cells.textOrNa(row, TYPE_CODE));
        if (type != null && !type.equals("C")) {
            return RowOutcome.ignore("not_goods");
        }
        String frequency = upper(Cells.textOrNa(row, FREQ_CODE));
        if (frequency != null && !frequency.equals("A")) {
            return RowOutcome.ignore("not_annual");
        }
        String flow = upper(Cells.required("flowCode", Cells.textOrNa(row, FLOW_CODE)));
        if (!flow.equals("X") && !flow.equals("M")) {
            return RowOutcome.ignore("flow_not_x_or_m");
        }
        int partner = Cells.wholeNumber("partnerCode", Cells.textOrNa(row, PARTNER_CODE));
        if (partner != 0) {
            return RowOutcome.ignore("partner_not_world");
        }
        // "Where the columns exist": a file without them holds totals only.
        boolean hasCustoms = row.get(CUSTOMS_CODE) != null;
        String customs = hasCustoms ? upper(Cells.textOrNa(row, CUSTOMS_CODE)) : null;
        if (hasCustoms && !CUSTOMS_TOTAL.equals(customs)) {
            return RowOutcome.ignore("customs_not_total");
        }
        boolean hasMot = row.get(MOT_CODE) != null;
        String mot = hasMot ? Cells.textOrNa(row, MOT_CODE) : null;
        if (hasMot && !MOT_TOTAL.equals(mot)) {
            return RowOutcome.ignore("mot_not_total");
        }
        String commodity = upper(Cells.required("cmdCode", Cells.textOrNa(row, CMD_CODE)));
        if (!HS6.matcher(commodity).matches()) {
            if (OTHER_HS_LEVEL.matcher(commodity).matches()) {
                return RowOutcome.ignore("hs_level_not_6");
            }
            throw new RowRejection("invalid_code", "cmdCode '" + commodity + "' is not an HS code");
        }

        int year = Cells.wholeNumber("refYear", Cells.textOrNa(row, REF_YEAR));
        String reporterIso = upper(Cells.required("reporterISO", Cells.textOrNa(row, REPORTER_ISO)));
        String value = Cells.textOrNa(row, PRIMARY_VALUE);
        if (value == null) {
            throw new RowRejection("missing_value", "primaryValue is blank or NA");
        }
        double primaryValue = Cells.decimal("primaryValue", value);
        String country = Countries.fromAlpha3(reporterIso).orElse(Countries.UNKNOWN);

        TradeFlow flowEvent = TradeFlow.newBuilder()
                .setRefYear(year)
                .setReporterIso3(reporterIso)
                .setReporterCountry(country)
                .setFlowCode(flow)
                .setPartnerCode(partner)
                .setCmdCode(commodity)
                .setClassificationCode(upper(Cells.textOrNa(row, CLASSIFICATION_CODE)))
                .setCustomsCode(customs)
                .setMotCode(mot)
                .setPrimaryValue(primaryValue)
                .setSourceRelease("")
                .build();
        return RowOutcome.publish(naturalKey(year, reporterIso, flow, partner, commodity, customs, mot), flowEvent,
                Countries.UNKNOWN.equals(country) ? List.of("country_to_ZZ") : List.of());
    }

    /**
     * sources.md: (refYear, reporterISO, flowCode, partnerCode, cmdCode, customsCode, motCode)
     * joined with '|'; a column the file lacks is empty.
     */
    public static String naturalKey(int year, String reporterIso, String flow, int partner, String commodity,
            String customs, String mot) {
        return year + "|" + reporterIso + "|" + flow + "|" + partner + "|" + commodity + "|"
                + (customs == null ? "" : customs) + "|" + (mot == null ? "" : mot);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
