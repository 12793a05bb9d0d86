package eu.emistreams.ingest.prodcom;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.codes.Countries;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.ingest.keyed.Cells;
import eu.emistreams.ingest.keyed.CsvFilesSource;
import eu.emistreams.ingest.keyed.RowOutcome;
import eu.emistreams.ingest.keyed.RowRejection;
import eu.emistreams.ingest.source.CsvRow;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of indicators.md §6 for one row of Eurostat's DS-059358 in SDMX-CSV
 * ({@code DATAFLOW,LAST UPDATE,freq,reporter,product,indicators,TIME_PERIOD,OBS_VALUE[,OBS_FLAG]}).
 *
 * <p>A row is ignored, for the first reason that applies: an indicator other than PRODVAL
 * (PRODQNT, QNTUNIT, EXPVAL...), a frequency other than annual, a reporter that is a Eurostat
 * aggregate (EU27_2020, EU28, EA20: the EU total estimates confidential country cells, so summing it
 * with the countries would count twice). It is rejected when its product is not an 8-digit PRODCOM
 * code once dots are removed, or its period is not a year. A confidential cell ({@code OBS_FLAG} c)
 * or one without a value (empty, {@code :}) is a data-quality count. Greece is {@code EL} in some
 * extractions and {@code GR} in others: both become {@code GR}, also in the natural key, so the
 * two spellings of one cell are one key.
 */
public final class ProdcomRules {

    public static final String FREQ = "freq";
    public static final String REPORTER = "reporter";
    public static final String PRODUCT = "product";
    public static final String INDICATORS = "indicators";
    public static final String TIME_PERIOD = "time_period";
    public static final String OBS_VALUE = "obs_value";
    public static final String OBS_FLAG = "obs_flag";

    public static final List<String> REQUIRED_COLUMNS = List.of("freq", "reporter", "product", "indicators",
            "TIME_PERIOD", "OBS_VALUE");

    /** The source's name in URLs, reports and rejects. */
    public static final String SOURCE = "prodcom";

    /** Prodcom as a source of CSV files read by these rules. */
    public static final CsvFilesSource<ProductionObservation> FILES = new CsvFilesSource<>(SOURCE,
            EventTopics.PRODCOM_OBSERVATIONS.name(), ProductionObservation.class, REQUIRED_COLUMNS, ProdcomRules::classify,
            ProductionObservation::setSourceRelease);

    public static final String PRODUCTION_VALUE = "PRODVAL";

    private static final Pattern PRODCOM_CODE = Pattern.compile("\\d{8}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private ProdcomRules() {
    }

    public static RowOutcome<ProductionObservation> classify(CsvRow row) {
        try {
            return classifyOrThrow(row);
        } catch (RowRejection rejection) {
            return RowOutcome.reject(rejection);
        }
    }

    private static RowOutcome<ProductionObservation> classifyOrThrow(CsvRow row) throws RowRejection {
        String indicator = upper(Cells.required("indicators", Cells.text(row, INDICATORS)));
        if (!indicator.equals(PRODUCTION_VALUE)) {
            return RowOutcome.ignore("not_prodval");
        }
        String frequency = upper(Cells.text(row, FREQ));
        if (frequency != null && !frequency.equals("A")) {
            return RowOutcome.ignore("not_annual");
        }
        String reporter = upper(Cells.required("reporter", Cells.text(row, REPORTER)));
        if (Countries.isEurostatAggregate(reporter)) {
            return RowOutcome.ignore("aggregate_reporter");
        }
        String product = productCode(Cells.required("product", Cells.text(row, PRODUCT)));
        String period = Cells.required("TIME_PERIOD", Cells.text(row, TIME_PERIOD));
        if (!YEAR.matcher(period).matches()) {
            throw new RowRejection("unparsable_number", "TIME_PERIOD '" + period + "' is not a year");
        }
        int year = Integer.parseInt(period);

        String flag = Cells.text(row, OBS_FLAG);
        if (flag != null && flag.toLowerCase(Locale.ROOT).indexOf('c') >= 0) {
            return RowOutcome.quality("confidential");
        }
        String value = Cells.text(row, OBS_VALUE);
        if (value == null || value.equals(":")) {
            return RowOutcome.quality("missing_value");
        }
        double valueEur = Cells.decimal("OBS_VALUE", value);

        String country = Countries.fromEurostat(reporter).orElse(Countries.UNKNOWN);
        boolean unknown = Countries.UNKNOWN.equals(country);
        ProductionObservation observation = ProductionObservation.newBuilder()
                .setReporter(reporter)
                .setCountry(country)
                .setProduct(product)
                .setIndicator(indicator)
                .setYear(year)
                .setValueEur(valueEur)
                .setSourceRelease("")
                .build();
        // Two unknown reporters (XK and QQ, say) stay two keys: the key keeps what was read then.
        String keyReporter = unknown ? reporter : country;
        return RowOutcome.publish(naturalKey(keyReporter, product, indicator, year), observation,
                unknown ? List.of("country_to_ZZ") : List.of());
    }

    /** sources.md: (reporter, product, indicators, TIME_PERIOD) joined with '|', Greece as GR. */
    public static String naturalKey(String reporter, String product, String indicator, int year) {
        return reporter + "|" + product + "|" + indicator + "|" + year;
    }

    /** {@code 26.11.22.40} and {@code 26112240} are the same product; other shapes are rejected. */
    static String productCode(String raw) throws RowRejection {
        String digits = raw.replace(".", "");
        if (!PRODCOM_CODE.matcher(digits).matches()) {
            throw new RowRejection("invalid_product", "product '" + raw + "' is not an 8-digit PRODCOM code");
        }
        return digits;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
