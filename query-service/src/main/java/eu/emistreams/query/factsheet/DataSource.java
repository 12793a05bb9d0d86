package eu.emistreams.query.factsheet;

/** The four sources of the fact sheet's indicators, by the prefix of their indicator names (indicators.md §3, §5-7). */
public enum DataSource {

    PATENTS("patent.", "patstat", "PATSTAT"),
    TRADE("trade.", "comtrade", "UN Comtrade"),
    PRODUCTION("production.", "prodcom", "Eurostat Prodcom"),
    INVESTMENT("investment.", "crunchbase", "Crunchbase");

    private final String indicatorPrefix;
    private final String provenanceName;
    private final String displayName;

    DataSource(String indicatorPrefix, String provenanceName, String displayName) {
        this.indicatorPrefix = indicatorPrefix;
        this.provenanceName = provenanceName;
        this.displayName = displayName;
    }

    /** The name under which an indicator's provenance lists this source's release. */
    public String provenanceName() {
        return provenanceName;
    }

    public String displayName() {
        return displayName;
    }

    /** "No PATSTAT data ingested yet": shown in place of a figure whose source has nothing yet. */
    public String noDataMessage() {
        return "No " + displayName + " data ingested yet";
    }

    public static DataSource of(String indicator) {
        for (DataSource source : values()) {
            if (indicator.startsWith(source.indicatorPrefix)) {
                return source;
            }
        }
        throw new IllegalArgumentException("no source for indicator " + indicator);
    }
}
