package eu.emistreams.events;

/**
 * The names of {@link EventTopics}, for code that has not yet moved to the descriptors (the
 * indicator's {@code UpstreamBacklog}, the classifier's {@code ConcordanceRollout}); new code uses
 * {@code EventTopics.X.name()}. Derived, so they cannot disagree; delete this class once nothing
 * uses it.
 */
public final class Topics {

    public static final String PATSTAT_APPLICATIONS = EventTopics.PATSTAT_APPLICATIONS.name();
    public static final String COMTRADE_FLOWS = EventTopics.COMTRADE_FLOWS.name();
    public static final String PRODCOM_OBSERVATIONS = EventTopics.PRODCOM_OBSERVATIONS.name();
    public static final String CRUNCHBASE_ROUNDS = EventTopics.CRUNCHBASE_ROUNDS.name();
    public static final String REJECTS = EventTopics.REJECTS.name();
    public static final String INGEST_REPORTS = EventTopics.INGEST_REPORTS.name();
    public static final String CONCORDANCE = EventTopics.CONCORDANCE.name();
    public static final String PATENTS_CLASSIFIED = EventTopics.PATENTS_CLASSIFIED.name();
    public static final String INDICATORS_PATENT = EventTopics.INDICATORS_PATENT.name();
    public static final String TRADE_CLASSIFIED = EventTopics.TRADE_CLASSIFIED.name();
    public static final String PRODUCTION_CLASSIFIED = EventTopics.PRODUCTION_CLASSIFIED.name();
    public static final String INVESTMENT_CLASSIFIED = EventTopics.INVESTMENT_CLASSIFIED.name();
    public static final String INDICATORS_TRADE = EventTopics.INDICATORS_TRADE.name();
    public static final String INDICATORS_PRODUCTION = EventTopics.INDICATORS_PRODUCTION.name();
    public static final String INDICATORS_INVESTMENT = EventTopics.INDICATORS_INVESTMENT.name();
    public static final String PROGRESS = EventTopics.PROGRESS.name();

    public static final String CONCORDANCE_KEY = EventTopics.CONCORDANCE_KEY;

    private Topics() {
    }
}
