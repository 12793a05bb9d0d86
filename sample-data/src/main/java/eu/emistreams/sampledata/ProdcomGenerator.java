package eu.emistreams.sampledata;

import eu.emistreams.sampledata.CellHistory.CellState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates Eurostat Prodcom releases (DS-059358, sold production) in SDMX-CSV as the dissemination
 * API returns it, 2010-2021, as two extractions with the differences real ones have: 2010-2015
 * without an OBS_FLAG column, Greece as {@code GR}, product codes without dots and confidential cells
 * left out; 2016-2021 with OBS_FLAG ({@code c} on confidential cells, {@code p} and {@code e} on
 * some others), Greece as {@code EL}, product codes with dots. Both carry PRODQNT beside PRODVAL
 * and the EU27_2020 aggregate; in small known numbers: cells without a value ({@code :}), Greek 2015
 * cells repeated as {@code EL} in the second extraction, and rows with a 7-digit product code.
 *
 * <p>Facts, in {@code emi-generator.properties}: {@code rows} and {@code rows.<file>};
 * {@code rows.prodval} (published: country PRODVAL cells with a value, first row of their key) and
 * {@code keys.<alpha2>} of them per country; {@code rows.prodqnt}; {@code rows.aggregate_prodval};
 * {@code rows.confidential_flagged}; {@code cells.confidential_absent} (not written);
 * {@code rows.missing_value}; {@code rows.greece_overlap}; {@code rows.bad_product};
 * {@code revision.keys.new_or_changed|unchanged|retracted}.
 */
public final class ProdcomGenerator extends KeyedReleaseGenerator {

    static final String NAME = "prodcom";
    static final int FIRST_YEAR = 2010;
    static final int LAST_YEAR = 2021;
    static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;
    /** The first year of the second extraction (with OBS_FLAG, EL, dotted codes). */
    static final int SPLIT_YEAR = 2016;
    static final double PRESENCE = 0.85;
    static final double CONFIDENTIAL_SHARE = 0.08;

    static final List<String> HEADER = List.of("DATAFLOW", "LAST UPDATE", "freq", "reporter", "product", "indicators",
            "TIME_PERIOD", "OBS_VALUE");
    static final String DATAFLOW = "ESTAT:DS-059358(1.0)";
    static final String LAST_UPDATE = "16/01/26 11:00:00";

    /** Reporters as Eurostat writes them; Greece's code depends on the extraction. UK reports until 2019. */
    static final List<String> REPORTERS = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GREECE", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "NO", "UK");
    private static final Map<String, Double> REPORTER_WEIGHTS = Map.of("DE", 10.0, "FR", 5.0, "IT", 6.0, "ES", 3.5,
            "NL", 3.0, "PL", 3.0, "BE", 2.5, "SE", 2.0, "AT", 2.0, "UK", 4.0);

    /** PRODCOM codes that hit the shipped PRODCOM8 rules, most telling first; made-up ones follow. */
    record Product(String code, double weight) {
        String dotted() {
            return code.substring(0, 2) + "." + code.substring(2, 4) + "." + code.substring(4, 6) + "." + code.substring(6);
        }
    }

    static final List<Product> CURATED = List.of(
            new Product("26112240", 3.0), new Product("27113230", 2.0), new Product("28251380", 1.5),
            new Product("27202300", 2.5), new Product("28993930", 1.0), new Product("26113006", 2.0),
            new Product("28411110", 0.8), new Product("26516330", 0.6), new Product("28112200", 0.7),
            new Product("28113200", 0.9), new Product("21202130", 2.5), new Product("26512000", 1.0),
            new Product("27907030", 0.4), new Product("26112200", 1.2), new Product("23441100", 0.5),
            new Product("29102310", 8.0), new Product("30301300", 3.0), new Product("10111100", 2.0),
            new Product("11021100", 1.5), new Product("13201400", 0.6), new Product("14131200", 0.9),
            new Product("20141100", 2.0), new Product("24101100", 2.5), new Product("23511200", 1.0),
            new Product("17121400", 1.2), new Product("22292240", 0.8), new Product("21201100", 3.0),
            new Product("26601100", 1.0), new Product("32501100", 1.1), new Product("25111000", 1.3),
            new Product("16231100", 0.7), new Product("26201400", 1.5), new Product("26302300", 1.2),
            new Product("27121000", 0.9), new Product("27401000", 0.8));

    private static final long SALT_VALUE = 401;
    private static final long SALT_CONFIDENTIAL = 402;
    private static final long SALT_FLAG = 403;
    private static final long SALT_SCALE = 404;

    public ProdcomGenerator() {
        this(FileCompression.NONE);
    }

    public ProdcomGenerator(FileCompression compression) {
        super(NAME, "observation", PRESENCE, compression);
    }

    /** The products whose cells give about {@code observations} published PRODVAL observations. */
    @Override
    long units(int observations) {
        return Math.max(1, (long) Math.ceil(observations
                / (REPORTERS.size() * YEARS * PRESENCE * (1 - CONFIDENTIAL_SHARE))));
    }

    /** Writes a release of the history. */
    @Override
    GeneratedRelease write(Path directory, CellHistory history) throws IOException {
        return new Writer(directory, history).write();
    }

    /** {@code DIR SEED OBSERVATIONS [--revise-from DIR --fraction F] [--gzip|--zip]} */
    public static void main(String[] args) throws IOException {
        GeneratorArguments.run("ProdcomGenerator", "OBSERVATIONS", args, ProdcomGenerator::new, release -> String.format(
                "wrote Prodcom release %d to %s: %d rows, %d PRODVAL observations%n", release.revision(),
                release.directory(), release.fact("rows"), release.fact("rows.prodval")));
    }

    /** The first {@code count} products: the curated ones, then made-up codes in manufacturing divisions. */
    static List<Product> products(int count) {
        List<Product> products = new ArrayList<>(CURATED.subList(0, Math.min(count, CURATED.size())));
        Set<String> taken = new HashSet<>();
        CURATED.forEach(product -> taken.add(product.code()));
        for (int index = 0; products.size() < count; index++) {
            int division = 10 + index % 24;
            int group = 1 + (index / 24) % 9;
            int rest = 10 + (index / 216) % 90;
            String code = String.format("%02d%d%d%02d%02d", division, group, 1 + (index / 8) % 9, rest, 10 + index % 80);
            if (code.length() == 8 && taken.add(code)) {
                products.add(new Product(code, 0.3 + (index % 5) / 5.0));
            }
            if (index > 10_000_000) {
                throw new IllegalArgumentException("no more than " + products.size() + " products can be made up");
            }
        }
        return products;
    }

    /** What a PRODVAL cell carries, fixed by the base seed. */
    enum Kind {
        NORMAL, CONFIDENTIAL, MISSING
    }

    private final class Writer extends KeyedReleaseWriter {

        private final List<Product> products;
        private final Map<Long, Kind> missing = new HashMap<>();
        private final int messPerKind;

        Writer(Path directory, CellHistory history) {
            super(directory, history, ProdcomGenerator.this.compression, "DS-059358_.*\\.csv(\\.gz|\\.zip)?");
            this.products = products((int) history.size());
            long cells = (long) products.size() * YEARS * REPORTERS.size();
            messPerKind = (int) Math.max(2, Math.min(100, cells / 1000));
            for (int j = 0; j < messPerKind; j++) {
                missing.put(Math.min(cells - 1, (long) ((j + 0.5) * cells / messPerKind)), Kind.MISSING);
            }
        }

        long cell(int product, int yearIndex, int reporter) {
            return ((long) product * YEARS + yearIndex) * REPORTERS.size() + reporter;
        }

        Kind kind(long cell) {
            Kind kind = missing.get(cell);
            if (kind != null) {
                return kind;
            }
            return SeededHash.unit(SeededHash.hash(history.baseSeed(), cell, 0, SALT_CONFIDENTIAL)) < CONFIDENTIAL_SHARE
                    ? Kind.CONFIDENTIAL : Kind.NORMAL;
        }

        /** UK cells after Brexit do not exist; others follow the history. */
        CellState state(int yearIndex, int reporter, long cell, int revision) {
            if (REPORTERS.get(reporter).equals("UK") && FIRST_YEAR + yearIndex > 2019) {
                return new CellState(false, 0);
            }
            return history.state(cell, revision);
        }

        @Override
        List<Path> writeTables(int revision) throws IOException {
            List<Path> files = new ArrayList<>();
            List<String> withFlag = new ArrayList<>(HEADER);
            withFlag.add("OBS_FLAG");
            try (TableWriter first = new TableWriter(directory, "DS-059358_" + FIRST_YEAR + "-" + (SPLIT_YEAR - 1),
                    HEADER.toArray(String[]::new), compression, false)) {
                writeYears(first, FIRST_YEAR, SPLIT_YEAR - 1, false, revision);
                files.add(first.file());
                countRows(first);
            }
            try (TableWriter second = new TableWriter(directory, "DS-059358_" + SPLIT_YEAR + "-" + LAST_YEAR,
                    withFlag.toArray(String[]::new), compression, false)) {
                writeOverlapAndBadProducts(second, revision);
                writeYears(second, SPLIT_YEAR, LAST_YEAR, true, revision);
                files.add(second.file());
                countRows(second);
            }
            return files;
        }

        private void writeYears(TableWriter file, int from, int to, boolean flagged, int revision) throws IOException {
            for (int p = 0; p < products.size(); p++) {
                Product product = products.get(p);
                for (int year = from; year <= to; year++) {
                    int yearIndex = year - FIRST_YEAR;
                    double europe = 0;
                    for (int r = 0; r < REPORTERS.size(); r++) {
                        long cell = cell(p, yearIndex, r);
                        CellState now = state(yearIndex, r, cell, revision);
                        CellState before = revision > 0 ? state(yearIndex, r, cell, revision - 1) : ABSENT;
                        countRevision(cell, p, yearIndex, r, before, now);
                        if (now.present()) {
                            europe += writeCell(file, p, year, r, cell, now.version(), flagged);
                        }
                    }
                    // The EU total, rounded as Eurostat rounds its estimates.
                    double total = Math.round(europe * 1.07 / 1e5) * 1e5;
                    row(file, flagged, "EU27_2020", product, year, "PRODVAL", plain(total), "");
                    add("rows.aggregate_prodval", 1);
                    row(file, flagged, "EU27_2020", product, year, "PRODQNT", plain(Math.round(total / 11)), "");
                    add("rows.prodqnt", 1);
                }
            }
        }

        /** Writes a cell's rows; returns its value. */
        private double writeCell(TableWriter file, int p, int year, int r, long cell, int version, boolean flagged)
                throws IOException {
            Product product = products.get(p);
            String reporter = reporterCode(r, flagged);
            double value = value(p, year - FIRST_YEAR, r, version);
            Kind kind = kind(cell);
            if (kind == Kind.CONFIDENTIAL && !flagged) {
                // This extraction leaves confidential cells out altogether.
                add("cells.confidential_absent", 1);
                return value;
            }
            switch (kind) {
                case CONFIDENTIAL -> {
                    row(file, true, reporter, product, year, "PRODVAL", "", "c");
                    add("rows.confidential_flagged", 1);
                }
                case MISSING -> {
                    row(file, flagged, reporter, product, year, "PRODVAL", ":", "");
                    add("rows.missing_value", 1);
                }
                case NORMAL -> {
                    double flagToss = SeededHash.unit(SeededHash.hash(history.baseSeed(), cell, version, SALT_FLAG));
                    row(file, flagged, reporter, product, year, "PRODVAL", plain(value),
                            flagToss < 0.05 ? "p" : flagToss < 0.1 ? "e" : "");
                    add("rows.prodval", 1);
                    add("keys." + alpha2(r), 1);
                }
            }
            row(file, flagged, reporter, product, year, "PRODQNT", plain(Math.round(value / 9.5)),
                    kind == Kind.CONFIDENTIAL ? "c" : "");
            add("rows.prodqnt", 1);
            return value;
        }

        /**
         * Rows an overlapping extraction brings: Greek cells of the last year of the first extraction
         * again, as EL (duplicates of keys read before), and rows whose product code lost a digit.
         */
        private void writeOverlapAndBadProducts(TableWriter file, int revision) throws IOException {
            int greece = REPORTERS.indexOf("GREECE");
            int yearIndex = SPLIT_YEAR - 1 - FIRST_YEAR;
            int overlaps = 0;
            for (int p = 0; p < products.size() && overlaps < messPerKind; p++) {
                long cell = cell(p, yearIndex, greece);
                CellState now = state(yearIndex, greece, cell, revision);
                if (now.present() && kind(cell) == Kind.NORMAL) {
                    row(file, true, "EL", products.get(p), SPLIT_YEAR - 1, "PRODVAL",
                            plain(value(p, yearIndex, greece, now.version())), "");
                    add("rows.greece_overlap", 1);
                    overlaps++;
                }
            }
            for (int k = 0; k < messPerKind; k++) {
                Product product = products.get(k % products.size());
                file.row(DATAFLOW, LAST_UPDATE, "A", "BE", product.dotted().substring(0, 10), "PRODVAL",
                        SPLIT_YEAR + k % (LAST_YEAR - SPLIT_YEAR + 1), 1000 + k, "");
                add("rows.bad_product", 1);
            }
        }

        private void row(TableWriter file, boolean flagged, String reporter, Product product, int year, String indicator,
                String value, String flag) throws IOException {
            if (flagged) {
                file.row(DATAFLOW, LAST_UPDATE, "A", reporter, product.dotted(), indicator, year, value, flag);
            } else {
                file.row(DATAFLOW, LAST_UPDATE, "A", reporter, product.code(), indicator, year, value);
            }
        }

        private String reporterCode(int r, boolean secondExtraction) {
            String reporter = REPORTERS.get(r);
            return reporter.equals("GREECE") ? (secondExtraction ? "EL" : "GR") : reporter;
        }

        private String alpha2(int r) {
            String reporter = REPORTERS.get(r);
            return switch (reporter) {
                case "GREECE" -> "GR";
                case "UK" -> "GB";
                default -> reporter;
            };
        }

        private double value(int p, int yearIndex, int r, int version) {
            var scale = SeededHash.random(history.baseSeed(), p, r, SALT_SCALE);
            double base = 2e6 * REPORTER_WEIGHTS.getOrDefault(REPORTERS.get(r), 0.8) * products.get(p).weight()
                    * Math.exp(scale.nextGaussian());
            double growth = Math.pow(1.01 + 0.04 * scale.nextDouble(), yearIndex);
            double versionFactor = version == 0 ? 1.0
                    : 0.8 + 0.4 * SeededHash.unit(SeededHash.hash(history.baseSeed(), cell(p, yearIndex, r), version,
                            SALT_VALUE));
            return Math.round(base * growth * versionFactor);
        }

        private void countRevision(long cell, int p, int yearIndex, int r, CellState before, CellState now) {
            boolean normal = kind(cell) == Kind.NORMAL;
            countKey(before.present() && normal, now.present() && normal,
                    () -> value(p, yearIndex, r, before.version()) == value(p, yearIndex, r, now.version()));
        }
    }

    /** Values as Eurostat writes them: whole euros, no exponent. */
    static String plain(double value) {
        return Long.toString(Math.round(value));
    }
}
