package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made Belgium whose numbers are chosen so that every rule has a known answer:
 * patents 2010-2020, trade 2019-2020, investment totals, production 2010-2021.
 */
final class FactSheetFixture {

    static final String COUNTRY = "BE";
    static final String PATSTAT_RELEASE = "2024-spring";
    static final String CONCORDANCE = "test-1";

    private final List<IndicatorRowWithProvenance> rows = new ArrayList<>();

    private FactSheetFixture() {
    }

    static List<IndicatorRowWithProvenance> belgium() {
        FactSheetFixture fixture = new FactSheetFixture();
        fixture.ecosystemPatents();
        fixture.technologyPatents();
        fixture.trade();
        fixture.investment();
        fixture.production();
        fixture.patentCounts();
        return List.copyOf(fixture.rows);
    }

    static FactSheetData belgiumData() {
        return FactSheetAssembler.assemble(COUNTRY, belgium());
    }

    /**
     * The EU27 and the peers beside Belgium: the EU27's 2020 country shares of every code but
     * Tourism and Photonics, 2019 ones that the figures do not show; world shares 2010-2020 of the
     * United States for every green trend field, of China for the same but without 2015, of Japan
     * for Solar Power only; none of Korea.
     */
    static List<IndicatorRowWithProvenance> benchmarks() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>();
        for (String code : EmiCodes.ALL) {
            if (!code.equals("TOUR") && !code.equals("D.MNP.PHO")) {
                rows.add(benchmark(FactSheetAssembler.COUNTRY_SHARE, EmiCodes.EU27_AGGREGATE, code, 2020,
                        eu27CountryShare(code)));
            }
            rows.add(benchmark(FactSheetAssembler.COUNTRY_SHARE, EmiCodes.EU27_AGGREGATE, code, 2019, 77.0));
        }
        for (String code : CodeLabels.GREEN_TRENDS) {
            for (int year = 2010; year <= 2020; year++) {
                rows.add(benchmark(FactSheetAssembler.WORLD_SHARE, "US", code, year, usWorldShare(code, year)));
                if (year != 2015) {
                    rows.add(benchmark(FactSheetAssembler.WORLD_SHARE, "CN", code, year, 10.0 + (year - 2010)));
                }
                if (code.equals("G.REN.SOLAR")) {
                    rows.add(benchmark(FactSheetAssembler.WORLD_SHARE, "JP", code, year, 12.5));
                }
            }
        }
        return List.copyOf(rows);
    }

    /** 1/2 + the code's place in {@link EmiCodes#ALL}: a different share per code. */
    static double eu27CountryShare(String code) {
        return 0.5 + EmiCodes.ALL.indexOf(code);
    }

    static double usWorldShare(String code, int year) {
        return 20.0 + CodeLabels.GREEN_TRENDS.indexOf(code) + (year - 2010) * 0.25;
    }

    static FactSheetData belgiumWithBenchmarksData() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>(belgium());
        rows.addAll(benchmarks());
        return FactSheetAssembler.assemble(COUNTRY, rows);
    }

    static IndicatorRowWithProvenance benchmark(String indicator, String country, String code, int year, double value) {
        return new IndicatorRowWithProvenance(indicator, country, code, year, value,
                Map.of("patstat", PATSTAT_RELEASE), CONCORDANCE);
    }

    static IndicatorRowWithProvenance row(String indicator, String code, int year, double value) {
        DataSource source = DataSource.of(indicator);
        String release = source == DataSource.PATENTS ? PATSTAT_RELEASE : source.provenanceName() + "-2024";
        return new IndicatorRowWithProvenance(indicator, COUNTRY, code, year, value,
                Map.of(source.provenanceName(), release), CONCORDANCE);
    }

    private void add(String indicator, String code, int year, double value) {
        rows.add(row(indicator, code, year, value));
    }

    /** 50 applications behind every world share: every trend has a base above the minimum count. */
    private void patentCounts() {
        List<IndicatorRowWithProvenance> worldShares = rows.stream()
                .filter(row -> row.indicator().equals(FactSheetAssembler.WORLD_SHARE)).toList();
        worldShares.forEach(row -> add(FactSheetAssembler.PATENT_COUNT, row.code(), row.year(), 50));
    }

    /** World share from {@code first} in 2010 to {@code last} in 2020, linearly. */
    private void worldShares(String code, double first, double last) {
        for (int year = 2010; year <= 2020; year++) {
            add(FactSheetAssembler.WORLD_SHARE, code, year, first + (last - first) * (year - 2010) / 10.0);
        }
    }

    private void ecosystemPatents() {
        Map<String, Double> shares = new HashMap<>();
        Map<String, Integer> ranks = new HashMap<>();
        for (String code : EmiCodes.ECOSYSTEMS) {
            shares.put(code, 1.0);
            ranks.put(code, 12);
        }
        shares.putAll(Map.of("AGRI", 30.0, "HEAL", 25.0, "ELEC", 12.0, "CONS", 8.0, "TEXT", 5.0));
        ranks.putAll(Map.of("AGRI", 6, "CONS", 7, "HEAL", 7, "TEXT", 7, "ELEC", 9));
        for (String code : EmiCodes.ECOSYSTEMS) {
            add(FactSheetAssembler.COUNTRY_SHARE, code, 2020, shares.get(code));
            add(FactSheetAssembler.EU27_RANK, code, 2020, ranks.get(code));
            // An older year: the figures show 2020, the latest year with patent data.
            add(FactSheetAssembler.COUNTRY_SHARE, code, 2019, 50.0);
            add(FactSheetAssembler.EU27_RANK, code, 2019, 1);
            switch (code) {
                case "AGRI" -> worldShares(code, 2.0, 3.0);
                case "HEAL" -> worldShares(code, 1.0, 1.2);
                case "CONS" -> worldShares(code, 1.0, 1.05);
                case "TEXT" -> worldShares(code, 4.0, 2.0);
                default -> worldShares(code, 0.5, 0.5);
            }
        }
    }

    private void technologyPatents() {
        Map<String, Double> shares = new HashMap<>(Map.of("G.AMN", 9.0, "G.BIO", 6.0, "G.ESE", 4.0, "G.REN", 3.0,
                "G.REN.SOLAR", 1.5, "G.REN.WIND", 1.0, "G.REN.OTHER", 0.5));
        shares.putAll(Map.of("D.AMR", 7.0, "D.AMR.AM", 5.0, "D.AMR.ROB", 2.0, "D.AI", 3.0, "D.BD", 2.5, "D.SEC", 1.0,
                "D.MOB", 4.0, "D.IOT", 1.5, "D.MNP", 10.0, "D.MNP.MNE", 8.0));
        shares.put("D.MNP.PHO", 2.0);
        Map<String, Integer> ranks = new HashMap<>(Map.of("G.AMN", 5, "G.BIO", 4, "G.ESE", 9, "G.REN", 10,
                "G.REN.SOLAR", 6, "G.REN.WIND", 11, "G.REN.OTHER", 12));
        ranks.putAll(Map.of("D.AMR", 8, "D.AMR.AM", 9, "D.AMR.ROB", 10, "D.AI", 7, "D.BD", 11, "D.SEC", 14,
                "D.MOB", 7, "D.IOT", 12, "D.MNP", 8, "D.MNP.MNE", 6));
        ranks.put("D.MNP.PHO", 13);
        for (String code : EmiCodes.TECHNOLOGIES) {
            add(FactSheetAssembler.COUNTRY_SHARE, code, 2020, shares.get(code));
            add(FactSheetAssembler.EU27_RANK, code, 2020, ranks.get(code));
        }
        // Green: every field broadly stable from 2010 to 2020; Solar and Wind up from 2019 to 2020.
        worldShares("G.AMN", 2.0, 2.1);
        worldShares("G.BIO", 3.0, 2.8);
        worldShares("G.ESE", 1.0, 1.0);
        worldShares("G.REN", 0.8, 0.8);
        worldShares("G.REN.OTHER", 0.4, 0.4);
        for (int year = 2010; year <= 2020; year++) {
            add(FactSheetAssembler.WORLD_SHARE, "G.REN.SOLAR", year, year == 2019 ? 0.9 : 1.0);
            add(FactSheetAssembler.WORLD_SHARE, "G.REN.WIND", year, year == 2019 ? 0.5 : 0.6);
        }
        // Digital: Advanced Manufacturing & Robotics up, Big Data and AI down, the rest flat.
        worldShares("D.AMR", 1.0, 1.5);
        worldShares("D.AMR.AM", 1.0, 1.5);
        worldShares("D.AMR.ROB", 1.0, 1.5);
        worldShares("D.AI", 2.0, 1.0);
        worldShares("D.BD", 3.0, 1.5);
        worldShares("D.SEC", 0.6, 0.6);
        worldShares("D.MOB", 1.2, 1.25);
        worldShares("D.IOT", 0.7, 0.7);
        worldShares("D.MNP", 2.0, 2.0);
        worldShares("D.MNP.MNE", 2.2, 2.2);
        worldShares("D.MNP.PHO", 1.0, 1.0);
    }

    private void trade() {
        for (String code : EmiCodes.ECOSYSTEMS) {
            double balance = switch (code) {
                case "AGRI" -> 20.0;
                case "EII" -> 10.0;
                case "HEAL" -> 5.0;
                case "MOB" -> -40.0;
                default -> -10.0;
            };
            add(FactSheetAssembler.TRADE_BALANCE, code, 2020, balance);
            add(FactSheetAssembler.TRADE_BALANCE, code, 2019, 99.0);
        }
    }

    private void investment() {
        for (String code : EmiCodes.ECOSYSTEMS) {
            double usd = switch (code) {
                case "HEAL" -> 500_000_000;
                case "AGRI" -> 120_000_000;
                case "AERO" -> 80_000_000;
                default -> 10_000_000;
            };
            add(FactSheetAssembler.INVESTMENT, code, 0, usd);
            // A single year: the figure shows the 2015-2023 total only.
            add(FactSheetAssembler.INVESTMENT, code, 2021, 1.0);
        }
    }

    /** Production shares from {@code first} in 2010 to {@code last} in 2021. */
    private void productionShares(String code, double first, double last) {
        for (int year = 2010; year <= 2021; year++) {
            add(FactSheetAssembler.PRODUCTION_SHARE, code, year, first + (last - first) * (year - 2010) / 11.0);
        }
    }

    private void production() {
        productionShares("G.AMN", 2.0, 1.5);
        productionShares("G.BIO", 1.0, 1.5);
        productionShares("G.ESE", 3.0, 2.9);
        productionShares("G.REN", 1.2, 1.0);
        productionShares("D.AMR", 4.0, 4.0);
        productionShares("D.AI", 0.5, 0.5);
        productionShares("D.BD", 0.3, 0.3);
        productionShares("D.SEC", 0.2, 0.2);
        productionShares("D.MOB", 3.0, 2.0);
        productionShares("D.IOT", 1.0, 1.0);
        productionShares("D.MNP", 5.0, 5.0);
    }
}
