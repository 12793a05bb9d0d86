package eu.emistreams.indicator.topology;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.indicator.calculation.DecimalYearSums;
import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.calculation.IndicatorPoint;
import eu.emistreams.indicator.calculation.InvestmentIndicators;
import eu.emistreams.indicator.calculation.PatentIndicators;
import eu.emistreams.indicator.calculation.ProductionIndicators;
import eu.emistreams.indicator.calculation.TradeIndicators;
import eu.emistreams.indicator.calculation.YearIndicators;
import eu.emistreams.indicator.calculation.YearSums;
import eu.emistreams.indicator.definition.IndicatorDefinition;
import eu.emistreams.indicator.definition.IndicatorDefinition.Speed;
import eu.emistreams.indicator.definition.Measure;
import eu.emistreams.indicator.source.InvestmentContribution;
import eu.emistreams.indicator.source.PatentContribution;
import eu.emistreams.indicator.source.ProductionContribution;
import eu.emistreams.indicator.source.SumContribution;
import eu.emistreams.indicator.source.TradeContribution;
import eu.emistreams.indicator.store.InternalSerdes;
import eu.emistreams.indicator.lane.Lanes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;

/** The indicator families the service computes, each one branch of {@link IndicatorTopology}. */
public final class IndicatorDefinitions {

    public static final String PATENT = "patent";
    public static final String TRADE = "trade";
    public static final String PRODUCTION = "production";
    public static final String INVESTMENT = "investment";

    /** The families in the order of their branches: the patents' first, so that task ids stay 0_n, 1_n. */
    public static final List<String> FAMILIES = List.of(PATENT, TRADE, PRODUCTION, INVESTMENT);

    /** Whether applications read still wait to reach the patent aggregate ({@link IndicatorDefinition#intervalsStore}). */
    public static final String PATENT_INTERVALS_STORE = IndicatorDefinition.intervalsStoreOf(PATENT);

    private IndicatorDefinitions() {
    }

    public static List<IndicatorDefinition<?, ?, ?>> all(IndicatorSerdes serdes) {
        return List.of(patent(serdes.classifiedPatent()), trade(serdes.classifiedTrade()),
                production(serdes.classifiedProduction()), investment(serdes.classifiedRound()));
    }

    /**
     * The repartition by year of a family. The patents' was {@code patent-deltas-by-year} (one
     * record per application) before their changes were combined.
     */
    public static String changesByYear(String family) {
        return PATENT.equals(family) ? "patent-sum-changes-by-year" : family + "-deltas-by-year";
    }

    /**
     * Fractional counts of applications. A backfill reads millions of them into a few thousand
     * sums: the changes are combined before the repartition and the sums read from memory.
     */
    public static IndicatorDefinition<ClassifiedPatent, PatentContribution, ExactFraction> patent(
            Serde<ClassifiedPatent> classified) {
        return new IndicatorDefinition<>(PATENT, EventTopics.PATENTS_CLASSIFIED.name(), EventTopics.INDICATORS_PATENT.name(), "patstat",
                classified, PatentContribution::of, InternalSerdes.PATENT_CONTRIBUTION,
                Measure.EXACT_FRACTION, IndicatorDefinitions::patentIndicators, changesByYear(PATENT),
                new Speed(true, true), Lanes::underVariants);
    }

    public static IndicatorDefinition<ClassifiedTrade, SumContribution, BigDecimal> trade(Serde<ClassifiedTrade> classified) {
        return decimal(TRADE, EventTopics.TRADE_CLASSIFIED.name(), EventTopics.INDICATORS_TRADE.name(), "comtrade", classified,
                TradeContribution::of, TradeIndicators::of);
    }

    public static IndicatorDefinition<ClassifiedProduction, SumContribution, BigDecimal> production(
            Serde<ClassifiedProduction> classified) {
        return decimal(PRODUCTION, EventTopics.PRODUCTION_CLASSIFIED.name(), EventTopics.INDICATORS_PRODUCTION.name(), "prodcom", classified, ProductionContribution::of, ProductionIndicators::of);
    }

    public static IndicatorDefinition<ClassifiedRound, SumContribution, BigDecimal> investment(
            Serde<ClassifiedRound> classified) {
        return decimal(INVESTMENT, EventTopics.INVESTMENT_CLASSIFIED.name(), EventTopics.INDICATORS_INVESTMENT.name(), "crunchbase", classified, InvestmentContribution::of, InvestmentIndicators::of);
    }

    /** A year of applications counts while it has applications. */
    private static YearIndicators patentIndicators(Map<String, ExactFraction> stored) {
        YearSums sums = YearSums.ofStored(stored);
        return new YearIndicators(PatentIndicators.of(sums), !sums.applications().isZero());
    }

    /** A family of exact decimal sums; a year counts while any of its sums is not 0. */
    private static <V extends SpecificRecordBase> IndicatorDefinition<V, SumContribution, BigDecimal> decimal(String name,
            String classifiedTopic, String indicatorTopic, String provenanceSource,
            Serde<V> classified, Function<V, Optional<SumContribution>> contribution,
            Function<DecimalYearSums, List<IndicatorPoint>> indicators) {
        return new IndicatorDefinition<>(name, classifiedTopic, indicatorTopic, provenanceSource, classified,
                contribution, InternalSerdes.SUM_CONTRIBUTION, Measure.EXACT_DECIMAL,
                stored -> {
                    DecimalYearSums sums = DecimalYearSums.ofStored(stored);
                    return new YearIndicators(indicators.apply(sums), !sums.isEmpty());
                },
                changesByYear(name), Speed.PLAIN, Lanes::underVariants);
    }
}
