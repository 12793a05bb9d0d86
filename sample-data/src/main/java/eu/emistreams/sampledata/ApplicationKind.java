package eu.emistreams.sampledata;

/**
 * The filing routes the generator mixes. Only WO and direct EP filings are transnational
 * applications; Euro-PCT entries and national filings are the noise a real release is full of.
 */
enum ApplicationKind {
    WO("WO", "W", 0.42, true, null),
    EP_DIRECT("EP", "A", 0.20, true, null),
    EP_EURO_PCT("EP", "A", 0.13, false, null),
    US("US", "A", 0.10, false, "US"),
    JP("JP", "A", 0.06, false, "JP"),
    CN("CN", "A", 0.05, false, "CN"),
    DE("DE", "A", 0.02, false, "DE"),
    KR("KR", "A", 0.02, false, "KR");

    private static final long SALT_KIND = 7;

    final String authority;
    final String kindCode;
    final double weight;
    final boolean transnational;
    /** The applicants' usual home country for national filings. */
    final String nationalCountry;

    ApplicationKind(String authority, String kindCode, double weight, boolean transnational, String nationalCountry) {
        this.authority = authority;
        this.kindCode = kindCode;
        this.weight = weight;
        this.transnational = transnational;
        this.nationalCountry = nationalCountry;
    }

    /** The kind of a slot never changes across revisions: it is a function of seed and slot alone. */
    static ApplicationKind of(long seed, long slot) {
        double toss = SeededHash.unit(SeededHash.hash(seed, slot, 0, SALT_KIND));
        for (ApplicationKind kind : values()) {
            toss -= kind.weight;
            if (toss < 0) {
                return kind;
            }
        }
        return KR;
    }
}
