package eu.emistreams.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Names of the topics the services exchange. They are a public contract: renaming one orphans
 * its data. {@link #all()} reads the declarations of {@code topics.csv}, the single list from
 * which the local stack and the deployment create topics; {@code TopicContractTest} fails when
 * these constants, the services' configuration or the Kubernetes manifests disagree with it.
 */
public final class Topics {

    public static final String PATSTAT_APPLICATIONS = "emi.patstat.applications";
    public static final String COMTRADE_FLOWS = "emi.comtrade.flows";
    public static final String PRODCOM_OBSERVATIONS = "emi.prodcom.observations";
    public static final String CRUNCHBASE_ROUNDS = "emi.crunchbase.rounds";
    public static final String REJECTS = "emi.rejects";
    public static final String INGEST_REPORTS = "emi.ingest.reports";
    public static final String CONCORDANCE = "emi.concordance";
    public static final String PATENTS_CLASSIFIED = "emi.patents.classified";
    public static final String INDICATORS_PATENT = "emi.indicators.patent";
    public static final String TRADE_CLASSIFIED = "emi.trade.classified";
    public static final String PRODUCTION_CLASSIFIED = "emi.production.classified";
    public static final String INVESTMENT_CLASSIFIED = "emi.investment.classified";
    public static final String INDICATORS_TRADE = "emi.indicators.trade";
    public static final String INDICATORS_PRODUCTION = "emi.indicators.production";
    public static final String INDICATORS_INVESTMENT = "emi.indicators.investment";
    public static final String PROGRESS = "emi.progress";

    /** The only key of {@link #CONCORDANCE}: there is one rule set in force at a time. */
    public static final String CONCORDANCE_KEY = "active";

    private Topics() {
    }

    public static List<TopicSpec> all() {
        try (InputStream in = Topics.class.getResourceAsStream("topics.csv")) {
            if (in == null) {
                throw new IllegalStateException("topics.csv is missing from the schemas jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TopicSpec> parse(BufferedReader reader) throws IOException {
        List<TopicSpec> specs = new ArrayList<>();
        String header = reader.readLine();
        if (!"name,partitions,cleanup_policy,description".equals(header)) {
            throw new IllegalStateException("topics.csv: unexpected header " + header);
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", 4);
            specs.add(new TopicSpec(f[0], Integer.parseInt(f[1]), f[2], f.length > 3 ? f[3] : ""));
        }
        return List.copyOf(specs);
    }
}
