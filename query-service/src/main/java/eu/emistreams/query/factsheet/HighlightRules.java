package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The fact sheet's sentences, generated from its data by explicit rules, each a pure function of
 * {@link FactSheetData}. Every sentence states only what the figures show: names come with the
 * values or ranks that justify them, and changes are judged on displayed values ({@link Trend}).
 * A rule without data to speak of says nothing, or says that the data is missing.
 */
public final class HighlightRules {

    /** "Among the five leading EU27 countries": a rank up to this one. */
    public static final int LEADING_RANK = 5;
    private static final String LEADING_RANK_WORD = "five";

    /** Section texts name at most this many codes in one list, largest first. */
    public static final int MAX_NAMED = 4;

    private HighlightRules() {
    }

    // ---- Key highlights ----

    public static List<HighlightGroup> keyHighlights(FactSheetData data) {
        List<HighlightGroup> groups = new ArrayList<>();

        List<Sentence> ecosystems = new ArrayList<>();
        if (!data.hasData(DataSource.PATENTS)) {
            ecosystems.add(noData(DataSource.PATENTS));
        } else {
            bestRanks(data, EmiCodes.ECOSYSTEMS).ifPresent(ecosystems::add);
            ecosystems.addAll(largestChanges(data, EmiCodes.ECOSYSTEMS));
        }
        groups.add(new HighlightGroup("Technological performance in industrial ecosystems", ecosystems));

        List<Sentence> transition = new ArrayList<>();
        if (!data.hasData(DataSource.PATENTS)) {
            transition.add(noData(DataSource.PATENTS));
        } else {
            leadingRanks(data, CodeLabels.DIGITAL, "digital").ifPresent(transition::add);
            trendSummary(data, CodeLabels.DIGITAL_TRENDS, "digital").ifPresent(transition::add);
            trendSummary(data, CodeLabels.GREEN_TRENDS, "green").ifPresent(transition::add);
            leadingRanks(data, CodeLabels.GREEN, "green").ifPresent(transition::add);
        }
        groups.add(new HighlightGroup("Digital and green transition technologies", transition));

        List<Sentence> production = new ArrayList<>();
        if (!data.hasData(DataSource.PRODUCTION)) {
            production.add(noData(DataSource.PRODUCTION));
        } else {
            productionExtremes(data, CodeLabels.DIGITAL_PRODUCTION, "digital").ifPresent(production::add);
            productionTrends(data, CodeLabels.GREEN_PRODUCTION, "green").ifPresent(production::add);
            productionExtremes(data, CodeLabels.GREEN_PRODUCTION, "green").ifPresent(production::add);
        }
        groups.add(new HighlightGroup("Capacity to produce goods based on digital and green technologies", production));
        return groups;
    }

    // ---- Rules ----

    /**
     * Top EU27 ranks: the codes of the two best ranks the country holds in the patent year, at most
     * {@value #MAX_NAMED} names. "Among EU27 countries, Belgium's best ranks by share of worldwide
     * patent applications in 2020 are in Agri-Food (6th) and in Construction and Health (7th each)."
     */
    public static Optional<Sentence> bestRanks(FactSheetData data, List<String> codes) {
        List<List<String>> groups = rankGroups(data, codes, 2);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        Sentence.Builder sentence = Sentence.builder()
                .text("Among EU27 countries, " + data.countryName()
                        + "'s best ranks by share of worldwide patent applications in " + rankYear(data).getAsInt()
                        + " are in ");
        appendRankGroups(sentence, data, groups);
        return Optional.of(sentence.text(".").build());
    }

    /**
     * Leading EU27 ranks: the codes ranked {@value #LEADING_RANK}th or better; when there is none, the
     * best rank the country holds. "Belgium is among the five leading EU27 countries in generating
     * digital technologies in Big Data (3rd) and Robotics (5th) (2020)."
     */
    public static Optional<Sentence> leadingRanks(FactSheetData data, List<String> codes, String group) {
        List<String> leading = codesByRank(data, codes).stream()
                .filter(code -> ranks(data).get(code) <= LEADING_RANK)
                .toList();
        int year = rankYear(data).orElse(0);
        if (!leading.isEmpty()) {
            Sentence.Builder sentence = Sentence.builder().text(data.countryName() + " is among the " + LEADING_RANK_WORD
                    + " leading EU27 countries in generating " + group + " technologies in ");
            appendWithValues(sentence, leading, code -> Numbers.ordinal(ranks(data).get(code)));
            return Optional.of(sentence.text(", by its share of worldwide patent applications in " + year + ".").build());
        }
        List<List<String>> best = rankGroups(data, codes, 1);
        if (best.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = best.get(0).stream().map(CodeLabels::label).toList();
        int rank = ranks(data).get(best.get(0).get(0));
        return Optional.of(Sentence.builder()
                .text(data.countryName() + "'s best EU27 rank in " + group + " technologies is "
                        + Numbers.ordinal(rank) + ", in ")
                .strongNames(names)
                .text(" (" + year + ").")
                .build());
    }

    /**
     * Rising and falling trends: the code whose world share rose most and the one whose share fell
     * most, each with its first and last values; when none moved by 10%, one sentence saying so.
     */
    public static List<Sentence> largestChanges(FactSheetData data, List<String> codes) {
        List<Trend> trends = patentTrends(data, codes);
        if (trends.isEmpty()) {
            return List.of();
        }
        List<Sentence> sentences = new ArrayList<>();
        trends.stream().filter(t -> t.direction() == Trend.Direction.RISING)
                .max(Comparator.comparingDouble(Trend::relativeChange))
                .ifPresent(t -> sentences.add(change("Its share of worldwide patent applications in ", t, "rose")));
        trends.stream().filter(t -> t.direction() == Trend.Direction.FALLING)
                .min(Comparator.comparingDouble(Trend::relativeChange))
                .ifPresent(t -> sentences.add(change(sentences.isEmpty()
                        ? "Its share of worldwide patent applications in " : "Its share in ", t, "fell")));
        if (sentences.isEmpty()) {
            sentences.add(Sentence.builder()
                    .text("Its share of worldwide patent applications stayed within " + Trend.THRESHOLD_PERCENT
                            + "% of its first value in every field, " + span(trends) + ".")
                    .build());
        }
        return sentences;
    }

    /**
     * The direction of each field's world share over the years shown: "Its share of world patent
     * applications in digital technologies rose in A and B, and fell in C, between 2010 and 2020."
     * When every field stayed within 10%: "... has remained broadly stable ...".
     */
    public static Optional<Sentence> trendSummary(FactSheetData data, List<String> codes, String group) {
        List<Trend> trends = patentTrends(data, codes);
        if (trends.isEmpty()) {
            return Optional.empty();
        }
        List<String> rising = names(trends, Trend.Direction.RISING);
        List<String> falling = names(trends, Trend.Direction.FALLING);
        String subject = data.countryName() + "'s share of world patent applications in " + group + " technologies";
        if (rising.isEmpty() && falling.isEmpty()) {
            return Optional.of(Sentence.builder()
                    .text(subject + " has remained broadly stable " + span(trends) + ": every field stayed within "
                            + Trend.THRESHOLD_PERCENT + "% of its first value.")
                    .build());
        }
        Sentence.Builder sentence = Sentence.builder().text(subject);
        if (!rising.isEmpty()) {
            sentence.text(" rose in ").strongNames(rising);
        }
        if (!falling.isEmpty()) {
            sentence.text(rising.isEmpty() ? " fell in " : ", and fell in ").text(Numbers.joinNames(falling));
        }
        return Optional.of(sentence.text(", " + span(trends) + ".").build());
    }

    /**
     * Fields whose world share rose from the year before the patent year to the patent year: "From
     * 2019 to 2020 its share rose in Solar Power and Wind Power."
     */
    public static Optional<Sentence> latestRises(FactSheetData data, List<String> codes) {
        OptionalInt latest = latestSettledYear(data);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        int year = latest.getAsInt();
        PatentCaveats caveats = data.patentCaveats();
        List<String> rising = new ArrayList<>();
        for (String code : codes) {
            SortedMap<Integer, Double> series = data.worldShareSeries().get(code);
            if (series != null && series.containsKey(year) && series.containsKey(year - 1)
                    && !caveats.isProvisional(year - 1) && caveats.hasBase(code, year - 1)
                    && Numbers.displayed(series.get(year)) > Numbers.displayed(series.get(year - 1))) {
                rising.add(CodeLabels.label(code));
            }
        }
        if (rising.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Sentence.builder()
                .text("From " + (year - 1) + " to " + year + " its share rose in ")
                .strongNames(rising)
                .text(".")
                .build());
    }

    /**
     * Highest country shares: the codes with the largest shares of the country's own patent
     * applications in the patent year, with their values, at most {@code count}.
     */
    public static Optional<Sentence> highestCountryShares(FactSheetData data, List<String> codes, int count, String lead,
            String tail) {
        List<String> top = codes.stream()
                .filter(code -> data.countryShares().containsKey(code) && Numbers.displayed(data.countryShares().get(code)) > 0)
                .sorted(Comparator.comparingDouble((String code) -> data.countryShares().get(code)).reversed())
                .limit(count)
                .toList();
        if (top.isEmpty()) {
            return Optional.of(Sentence.builder()
                    .text(data.countryName() + " had no patent applications in these fields in "
                            + data.patentYear().orElse(0) + ".")
                    .build());
        }
        Sentence.Builder sentence = Sentence.builder().text(lead);
        appendWithValues(sentence, top, code -> Numbers.percentText(data.countryShares().get(code)));
        return Optional.of(sentence.text(tail).build());
    }

    /** Section 2.2: highest country shares and best ranks of the ecosystems (Figure 1). */
    public static List<Sentence> ecosystemPatents(FactSheetData data) {
        if (!data.hasData(DataSource.PATENTS)) {
            return List.of();
        }
        int year = data.patentYear().getAsInt();
        List<Sentence> sentences = new ArrayList<>();
        highestCountryShares(data, EmiCodes.ECOSYSTEMS, 3,
                "Regarding technology development, " + data.countryName()
                        + " had the highest country share of its patent applications in ",
                " in " + year + ".").ifPresent(sentences::add);
        rankedAmongEu27(data, EmiCodes.ECOSYSTEMS, "In a global comparison, it ranked ", " within the EU27 countries.")
                .ifPresent(sentences::add);
        return sentences;
    }

    /** Sections 2.3 and 2.4: highest country share and best ranks of a group of technologies (Figures 4 and 7). */
    public static List<Sentence> technologyPatents(FactSheetData data, List<String> codes, String group) {
        if (!data.hasData(DataSource.PATENTS)) {
            return List.of();
        }
        int year = data.patentYear().getAsInt();
        List<Sentence> sentences = new ArrayList<>();
        highestCountryShares(data, codes, 1,
                "Among the " + group + " technologies, " + data.countryName()
                        + " had the highest share of its own patent applications in ",
                " in " + year + ".").ifPresent(sentences::add);
        rankedAmongEu27(data, codes, data.countryName() + " ranked ",
                " among the EU27 Member States regarding its world share of patent applications.")
                .ifPresent(sentences::add);
        return sentences;
    }

    /** Figures 5 and 8: the trend summary and the latest rises. */
    public static List<Sentence> worldShareTrends(FactSheetData data, List<String> codes, String group) {
        List<Sentence> sentences = new ArrayList<>();
        trendSummary(data, codes, group).ifPresent(sentences::add);
        latestRises(data, codes).ifPresent(sentences::add);
        return sentences;
    }

    /**
     * The trade surplus rule (Figure 2): the ecosystems with a positive balance, largest first, and
     * the largest deficit; or, without any surplus, the smallest deficit.
     */
    public static List<Sentence> tradeBalance(FactSheetData data) {
        if (!data.hasData(DataSource.TRADE)) {
            return List.of();
        }
        int year = data.tradeYear().getAsInt();
        Map<String, Double> balances = data.tradeBalances();
        List<String> byBalance = EmiCodes.ECOSYSTEMS.stream()
                .filter(balances::containsKey)
                .sorted(Comparator.comparingDouble((String code) -> balances.get(code)).reversed())
                .toList();
        if (byBalance.isEmpty()) {
            return List.of();
        }
        List<String> surplus = byBalance.stream().filter(code -> Numbers.displayed(balances.get(code)) > 0).toList();
        List<String> deficit = byBalance.stream().filter(code -> Numbers.displayed(balances.get(code)) < 0).toList();
        List<Sentence> sentences = new ArrayList<>();
        if (!surplus.isEmpty()) {
            Sentence.Builder sentence = Sentence.builder().text(data.countryName()
                    + " registered a trade surplus in technology-based products related to ");
            appendLimited(sentence, surplus, "ecosystems");
            sentences.add(sentence.text(" in " + year + ".").build());
            if (!deficit.isEmpty()) {
                String largest = deficit.get(deficit.size() - 1);
                sentences.add(Sentence.builder()
                        .text("Its largest deficit in relation to its trade volume was in ")
                        .strong(CodeLabels.label(largest))
                        .text(" (" + Numbers.percentText(balances.get(largest)) + ").")
                        .build());
            }
        } else if (!deficit.isEmpty()) {
            String smallest = deficit.get(0);
            sentences.add(Sentence.builder()
                    .text(data.countryName() + " registered no trade surplus in technology-based products in " + year
                            + "; its deficit in relation to its trade volume was smallest in ")
                    .strong(CodeLabels.label(smallest))
                    .text(" (" + Numbers.percentText(balances.get(smallest)) + ").")
                    .build());
        } else {
            sentences.add(Sentence.builder()
                    .text(data.countryName() + "'s trade in technology-based products was balanced in every ecosystem in "
                            + year + ".")
                    .build());
        }
        return sentences;
    }

    /** The investment rule (Figure 3): the three ecosystems with the most PE/VC investment over 2015-2023. */
    public static List<Sentence> investment(FactSheetData data) {
        if (!data.hasData(DataSource.INVESTMENT)) {
            return List.of();
        }
        Map<String, Double> usd = data.investmentUsd();
        List<String> top = EmiCodes.ECOSYSTEMS.stream()
                .filter(code -> usd.containsKey(code) && usd.get(code) > 0)
                .sorted(Comparator.comparingDouble((String code) -> usd.get(code)).reversed())
                .limit(3)
                .toList();
        if (top.isEmpty()) {
            return List.of(Sentence.builder()
                    .text("No private equity or venture capital investment into tech companies in " + data.countryName()
                            + " is recorded for 2015-2023.")
                    .build());
        }
        Sentence.Builder sentence = Sentence.builder()
                .text("Most private equity and venture capital investment into tech companies in " + data.countryName()
                        + " over 2015-2023 went to ")
                .strong(CodeLabels.label(top.get(0)))
                .text(" (" + Numbers.usdMillionsText(usd.get(top.get(0))) + ")");
        if (top.size() > 1) {
            sentence.text(", followed by ");
            appendWithValues(sentence, top.subList(1, top.size()), code -> Numbers.usdMillionsText(usd.get(code)));
        }
        return List.of(sentence.text(".").build());
    }

    /**
     * Highest and lowest production shares in the latest production year: "Belgium's share of
     * production of digital technologies is highest in X (a% of its production in 2021) and lowest in Y (b%)."
     */
    public static Optional<Sentence> productionExtremes(FactSheetData data, List<String> codes, String group) {
        if (data.productionYear().isEmpty()) {
            return Optional.empty();
        }
        int year = data.productionYear().getAsInt();
        Map<String, Double> latest = new TreeMap<>();
        for (String code : codes) {
            SortedMap<Integer, Double> series = data.productionShareSeries().get(code);
            if (series != null && series.containsKey(year)) {
                latest.put(code, series.get(year));
            }
        }
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        List<String> ordered = latest.keySet().stream()
                .sorted(Comparator.comparingDouble((String code) -> latest.get(code)).reversed())
                .toList();
        String highest = ordered.get(0);
        String lowest = ordered.get(ordered.size() - 1);
        Sentence.Builder sentence = Sentence.builder()
                .text(data.countryName() + "'s share of production in " + group + " technologies is highest in ")
                .strong(CodeLabels.label(highest))
                .text(" (" + Numbers.percentText(latest.get(highest)) + " of its production in " + year + ")");
        if (ordered.size() > 1 && Numbers.displayed(latest.get(lowest)) < Numbers.displayed(latest.get(highest))) {
            sentence.text(" and lowest in " + CodeLabels.label(lowest) + " (" + Numbers.percentText(latest.get(lowest)) + ")");
        }
        return Optional.of(sentence.text(".").build());
    }

    /**
     * Rising and falling production shares over the years shown: "Belgium expanded its share of
     * production in green technologies in Biotechnology between 2010 and 2021, and reduced it in ...".
     */
    public static Optional<Sentence> productionTrends(FactSheetData data, List<String> codes, String group) {
        List<Trend> trends = trends(data.productionShareSeries(), codes);
        if (trends.isEmpty()) {
            return Optional.empty();
        }
        List<String> rising = names(trends, Trend.Direction.RISING);
        List<String> falling = names(trends, Trend.Direction.FALLING);
        String span = span(trends);
        if (rising.isEmpty() && falling.isEmpty()) {
            return Optional.of(Sentence.builder()
                    .text(data.countryName() + "'s share of production in every " + group
                            + " technology stayed within " + Trend.THRESHOLD_PERCENT + "% of its first value " + span + ".")
                    .build());
        }
        Sentence.Builder sentence = Sentence.builder();
        if (!rising.isEmpty()) {
            sentence.text(data.countryName() + " expanded its share of production in " + group + " technologies in ")
                    .strongNames(rising).text(" " + span);
            if (!falling.isEmpty()) {
                sentence.text(", and reduced it in " + Numbers.joinNames(falling));
            }
        } else {
            sentence.text(data.countryName() + "'s share of production in " + group + " technologies fell in "
                    + Numbers.joinNames(falling) + " " + span);
        }
        return Optional.of(sentence.text(".").build());
    }

    /** Figures 6 and 9: the production trends and the extremes of the latest year. */
    public static List<Sentence> productionShares(FactSheetData data, List<String> codes, String group) {
        List<Sentence> sentences = new ArrayList<>();
        productionTrends(data, codes, group).ifPresent(sentences::add);
        productionExtremes(data, codes, group).ifPresent(sentences::add);
        return sentences;
    }

    // ---- Helpers ----

    private static Sentence noData(DataSource source) {
        return Sentence.builder().text(source.noDataMessage() + ".").build();
    }

    private static Sentence change(String lead, Trend trend, String verb) {
        return Sentence.builder()
                .text(lead)
                .strong(CodeLabels.label(trend.code()))
                .text(" " + verb + " from " + Numbers.percentText(trend.first()) + " in " + trend.firstYear()
                        + " to " + Numbers.percentText(trend.last()) + " in " + trend.lastYear() + ".")
                .build();
    }

    /** "it ranked 6th in Agri-Food, and 7th in Construction and Health". */
    private static Optional<Sentence> rankedAmongEu27(FactSheetData data, List<String> codes, String lead, String tail) {
        List<List<String>> groups = rankGroups(data, codes, 2);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        Sentence.Builder sentence = Sentence.builder().text(lead);
        for (int i = 0; i < groups.size(); i++) {
            List<String> group = groups.get(i);
            if (i > 0) {
                sentence.text(", and ");
            }
            sentence.text(Numbers.ordinal(ranks(data).get(group.get(0))) + " in ");
            sentence.strongNames(group.stream().map(CodeLabels::label).toList());
        }
        if (data.patentCaveats().isProvisional(data.patentYear())) {
            // The figure's year is provisional: the ranks stated are those of the latest settled year.
            tail = tail.substring(0, tail.length() - 1) + " in " + rankYear(data).getAsInt() + ", as "
                    + data.patentYear().getAsInt() + " is provisional.";
        }
        return Optional.of(sentence.text(tail).build());
    }

    /**
     * The year whose EU27 ranks the rank rules state: the patent year, or, when it is provisional, the
     * latest year that is not (empty when there is none: then no rank is stated).
     */
    static OptionalInt rankYear(FactSheetData data) {
        PatentCaveats caveats = data.patentCaveats();
        return caveats.isProvisional(data.patentYear()) ? caveats.settledYear() : data.patentYear();
    }

    /** The EU27 ranks of {@link #rankYear}. */
    static Map<String, Integer> ranks(FactSheetData data) {
        PatentCaveats caveats = data.patentCaveats();
        return caveats.isProvisional(data.patentYear()) ? caveats.settledRanks() : data.eu27Ranks();
    }

    /** The latest year of the world-share series that is not provisional. */
    private static OptionalInt latestSettledYear(FactSheetData data) {
        return data.worldShareSeries().values().stream()
                .flatMap(series -> series.keySet().stream())
                .filter(year -> !data.patentCaveats().isProvisional(year))
                .mapToInt(Integer::intValue)
                .max();
    }

    /**
     * The world-share trends a sentence may state: over the years that are not provisional, and only
     * from a first year in which the country's fractional count of the field reaches the minimum base.
     */
    static List<Trend> patentTrends(FactSheetData data, List<String> codes) {
        PatentCaveats caveats = data.patentCaveats();
        List<Trend> trends = new ArrayList<>();
        for (String code : codes) {
            SortedMap<Integer, Double> values = data.worldShareSeries().get(code);
            if (values != null) {
                Trend.of(code, caveats.settled(values))
                        .filter(trend -> caveats.hasBase(code, trend.firstYear()))
                        .ifPresent(trends::add);
            }
        }
        return trends;
    }

    /** Codes with a rank, best first, in the order of {@code codes} among equals. */
    private static List<String> codesByRank(FactSheetData data, List<String> codes) {
        return codes.stream()
                .filter(ranks(data)::containsKey)
                .sorted(Comparator.comparingInt(code -> ranks(data).get(code)))
                .toList();
    }

    /** The codes of the {@code distinctRanks} best rank values, grouped by rank, at most {@value #MAX_NAMED} names. */
    private static List<List<String>> rankGroups(FactSheetData data, List<String> codes, int distinctRanks) {
        Map<Integer, List<String>> byRank = new TreeMap<>();
        codesByRank(data, codes).forEach(code -> byRank.computeIfAbsent(ranks(data).get(code), r -> new ArrayList<>()).add(code));
        List<List<String>> groups = new ArrayList<>();
        int named = 0;
        for (List<String> group : byRank.values()) {
            if (groups.size() == distinctRanks || (named > 0 && named + group.size() > MAX_NAMED)) {
                break;
            }
            List<String> kept = group.subList(0, Math.min(group.size(), MAX_NAMED));
            groups.add(kept);
            named += kept.size();
        }
        return groups;
    }

    private static void appendRankGroups(Sentence.Builder sentence, FactSheetData data, List<List<String>> groups) {
        for (int i = 0; i < groups.size(); i++) {
            List<String> group = groups.get(i);
            if (i > 0) {
                sentence.text(" and in ");
            }
            sentence.strongNames(group.stream().map(CodeLabels::label).toList());
            String rank = Numbers.ordinal(ranks(data).get(group.get(0)));
            sentence.text(group.size() == 1 ? " (" + rank + ")" : " (" + rank + " each)");
        }
    }

    /** "A (x), B (y) and C (z)" with the names strong. */
    private static void appendWithValues(Sentence.Builder sentence, List<String> codes, Function<String, String> value) {
        for (int i = 0; i < codes.size(); i++) {
            if (i > 0) {
                sentence.text(i == codes.size() - 1 ? " and " : ", ");
            }
            sentence.strong(CodeLabels.label(codes.get(i))).text(" (" + value.apply(codes.get(i)) + ")");
        }
    }

    /** At most {@value #MAX_NAMED} names, then "and n other ecosystems". */
    private static void appendLimited(Sentence.Builder sentence, List<String> codes, String kind) {
        if (codes.size() <= MAX_NAMED) {
            sentence.strongNames(codes.stream().map(CodeLabels::label).toList());
            return;
        }
        List<String> named = codes.subList(0, MAX_NAMED).stream().map(CodeLabels::label).toList();
        for (int i = 0; i < named.size(); i++) {
            if (i > 0) {
                sentence.text(", ");
            }
            sentence.strong(named.get(i));
        }
        int others = codes.size() - MAX_NAMED;
        sentence.text(" and " + others + " other " + (others == 1 ? kind.substring(0, kind.length() - 1) : kind));
    }

    private static List<Trend> trends(Map<String, SortedMap<Integer, Double>> series, List<String> codes) {
        List<Trend> trends = new ArrayList<>();
        for (String code : codes) {
            SortedMap<Integer, Double> values = series.get(code);
            if (values != null) {
                Trend.of(code, values).ifPresent(trends::add);
            }
        }
        return trends;
    }

    private static List<String> names(List<Trend> trends, Trend.Direction direction) {
        return trends.stream().filter(t -> t.direction() == direction).map(t -> CodeLabels.label(t.code())).toList();
    }

    /** "between 2010 and 2020" when every trend spans the same years, else "over the years shown". */
    private static String span(List<Trend> trends) {
        int first = trends.get(0).firstYear();
        int last = trends.get(0).lastYear();
        boolean same = trends.stream().allMatch(t -> t.firstYear() == first && t.lastYear() == last);
        return same ? "between " + first + " and " + last : "over the years shown";
    }
}
