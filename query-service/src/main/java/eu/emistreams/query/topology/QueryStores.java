package eu.emistreams.query.topology;

/**
 * Names of the state stores this service serves. They are a public contract with the running
 * instances: renaming one abandons its changelog and rebuilds it from the source topics.
 */
public final class QueryStores {

    /** Every indicator of every indicator topic, keyed by (indicator, country, code, year). */
    public static final String INDICATORS = "indicators";

    /**
     * Every indicator computed under a variant rule set (emi.indicators.variants), keyed by
     * (variant, indicator, country, code, year) ({@link VariantStoreKeySerde}).
     */
    public static final String VARIANT_INDICATORS = "variant-indicators";

    /** Every ingest report, keyed by {@code source/release}; global, so every instance has all. */
    public static final String INGEST_REPORTS = "ingest-reports";

    private QueryStores() {
    }
}
