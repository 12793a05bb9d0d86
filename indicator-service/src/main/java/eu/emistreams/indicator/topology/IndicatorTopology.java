package eu.emistreams.indicator.topology;

import eu.emistreams.events.Topics;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.indicator.calculation.InvestmentIndicators;
import eu.emistreams.indicator.calculation.ProductionIndicators;
import eu.emistreams.indicator.calculation.TradeIndicators;
import eu.emistreams.indicator.source.InvestmentContribution;
import eu.emistreams.indicator.source.ProductionContribution;
import eu.emistreams.indicator.source.TradeContribution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The whole indicator service: the patent topology ({@link PatentIndicatorTopology}) and, beside
 * it, one branch per trade, production and investment source, each its own sub-topology:
 * <pre>
 * emi.trade.classified      ─► trade-contributions      ─► trade-deltas-by-year      ─► trade-year-aggregates      ─► emi.indicators.trade
 * emi.production.classified ─► production-contributions ─► production-deltas-by-year ─► production-year-aggregates ─► emi.indicators.production
 * emi.investment.classified ─► investment-contributions ─► investment-deltas-by-year ─► investment-year-aggregates ─► emi.indicators.investment
 * </pre>
 */
public final class IndicatorTopology {

    public static final String TRADE = "trade";
    public static final String PRODUCTION = "production";
    public static final String INVESTMENT = "investment";

    /** Per indicator family, the store that says which of its years wait to be published. */
    public static final Map<String, String> YEAR_STATUS_STORES = yearStatusStores();

    private IndicatorTopology() {
    }

    /**
     * Builds every branch with the topology-level settings of {@code streamsConfig} (optimization,
     * explicit naming of internal resources), which Kafka Streams reads at build time only.
     */
    public static Topology topology(
            Properties streamsConfig, IndicatorSerdes serdes, PublicationSchedule schedule, StateStoreKind storeKind) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsConfig)));
        // The patent branch comes first so that its sub-topologies keep their ids (task ids 0_n, 1_n).
        PatentIndicatorTopology.build(builder, serdes, schedule, storeKind);
        for (SourceIndicatorBranch<?> branch : branches(serdes)) {
            build(builder, serdes, branch, schedule, storeKind);
        }
        IngestActivity.addTo(builder, serdes, storeKind);
        return builder.build(streamsConfig);
    }

    static List<SourceIndicatorBranch<?>> branches(IndicatorSerdes serdes) {
        return List.of(trade(serdes), production(serdes), investment(serdes));
    }

    static SourceIndicatorBranch<ClassifiedTrade> trade(IndicatorSerdes serdes) {
        return new SourceIndicatorBranch<>(TRADE, Topics.TRADE_CLASSIFIED, Topics.INDICATORS_TRADE, "comtrade",
                serdes.classifiedTrade(), TradeContribution::of, TradeIndicators::of);
    }

    static SourceIndicatorBranch<ClassifiedProduction> production(IndicatorSerdes serdes) {
        return new SourceIndicatorBranch<>(PRODUCTION, Topics.PRODUCTION_CLASSIFIED, Topics.INDICATORS_PRODUCTION,
                "prodcom", serdes.classifiedProduction(), ProductionContribution::of, ProductionIndicators::of);
    }

    static SourceIndicatorBranch<ClassifiedRound> investment(IndicatorSerdes serdes) {
        return new SourceIndicatorBranch<>(INVESTMENT, Topics.INVESTMENT_CLASSIFIED, Topics.INDICATORS_INVESTMENT,
                "crunchbase", serdes.classifiedRound(), InvestmentContribution::of, InvestmentIndicators::of);
    }

    /** One source: contributions per record, deltas repartitioned by year, yearly sums and publication. */
    static <V> void build(StreamsBuilder builder, IndicatorSerdes serdes, SourceIndicatorBranch<V> branch,
            PublicationSchedule schedule, StateStoreKind storeKind) {
        builder.stream(branch.classifiedTopic(),
                        Consumed.with(Serdes.String(), branch.classified()).withName(branch.sourceNode()))
                .process(SumContributionProcessor.supplier(branch, storeKind), Named.as(branch.contributions()))
                // Every year lives in one partition: one task owns all its sums and ranks them locally.
                .repartition(Repartitioned.with(Serdes.Integer(), InternalSerdes.sumDelta())
                        .withName(branch.deltasByYear()))
                .process(SumYearAggregateProcessor.supplier(branch, schedule, storeKind),
                        Named.as(branch.yearAggregates()))
                .to(branch.indicatorTopic(),
                        Produced.with(serdes.indicatorKey(), serdes.indicatorValue()).withName(branch.sinkNode()));
    }

    private static Map<String, String> yearStatusStores() {
        Map<String, String> stores = new LinkedHashMap<>();
        stores.put("patent", PatentIndicatorTopology.YEAR_STATUS_STORE);
        for (String name : List.of(TRADE, PRODUCTION, INVESTMENT)) {
            stores.put(name, SourceIndicatorBranch.statusStoreOf(name));
        }
        return Collections.unmodifiableMap(stores);
    }
}
