package eu.emistreams.sampledata;

import eu.emistreams.sampledata.CellHistory.CellState;
import eu.emistreams.sampledata.ComtradeVocabulary.Product;
import eu.emistreams.sampledata.ComtradeVocabulary.Reporter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates UN Comtrade releases in the 47-column API CSV layout: annual HS trade of every EU27
 * member and some other reporters with the World, 2015-2022 (H5 codes, H6 in 2022), one file per
 * year, with the mess of real API extracts: HS chapters, headings and the TOTAL beside the 6-digit
 * rows, rows of single partners, customs-procedure and transport-mode splits beside their totals,
 * re-exports, quoted descriptions with commas, {@code NA}, {@code TRUE}/{@code FALSE}, codes with a
 * trailing space, a reporter without an ISO code ("Other Asia, nes"), and in small known numbers
 * totals without a value ({@code NA}), with a thousands separator, or repeated.
 *
 * <p>The World totals at HS6 level are the natural keys: cells of reporter × year × flow × product
 * (see {@link CellHistory}). {@link #revise} writes the next release with some of them changed,
 * removed or added. Facts, in {@code emi-generator.properties}:
 * <ul>
 *   <li>{@code rows}: data rows written; {@code rows.<file>} per file.</li>
 *   <li>{@code rows.hs6_total}: 6-digit World totals (customs C00, mode 0) with a value, the first row of
 *       their key; {@code rows.hs6_total.unknown_reporter} of them by "Other Asia, nes";
 *       {@code keys.<alpha2>} of them per reporter country.</li>
 *   <li>{@code rows.hs2}, {@code rows.hs4}, {@code rows.total}: aggregate commodity rows;
 *       {@code rows.partner}, {@code rows.customs_split}, {@code rows.mot_split},
 *       {@code rows.reexport}: rows that are not World totals of X or M.</li>
 *   <li>{@code rows.na_value}, {@code rows.thousands_separator}, {@code rows.repeated_key}: totals
 *       without a usable value, or a second row of a key.</li>
 *   <li>{@code revision.keys.new_or_changed|unchanged|retracted} against the previous release.</li>
 * </ul>
 */
public final class ComtradeGenerator extends KeyedReleaseGenerator {

    static final String NAME = "comtrade";
    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2022;
    static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;
    static final String[] FLOWS = {"M", "X"};
    static final double PRESENCE = 0.8;

    static final List<String> COLUMNS = List.of("typeCode", "freqCode", "refPeriodId", "refYear", "refMonth",
            "period", "reporterCode", "reporterISO", "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO",
            "partnerDesc", "partner2Code", "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode",
            "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc",
            "mosCode", "motCode", "motDesc", "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode",
            "altQtyUnitAbbr", "altQty", "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt",
            "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported",
            "isAggregate");

    private static final long SALT_VALUE = 301;
    private static final long SALT_NOISE = 302;
    private static final long SALT_SCALE = 303;

    /** What a total row of a cell carries, fixed by the base seed: the mess comes in known places. */
    enum Kind {
        NORMAL, NA_VALUE, THOUSANDS_SEPARATOR, REPEATED
    }

    public ComtradeGenerator() {
        this(FileCompression.NONE);
    }

    public ComtradeGenerator(FileCompression compression) {
        super(NAME, "flow", PRESENCE, compression);
    }

    /** The products whose cells give about {@code flows} World totals at HS6 level. */
    @Override
    long units(int flows) {
        return Math.max(1, (long) Math.ceil(flows / (ComtradeVocabulary.REPORTERS.size() * YEARS * 2 * PRESENCE)));
    }

    /**
     * Writes a release of the history; in a revision about {@code fraction / 3} of the totals get
     * another value, as many disappear and as many new ones appear.
     */
    @Override
    GeneratedRelease write(Path directory, CellHistory history) throws IOException {
        return new Writer(directory, history).write();
    }

    /** {@code DIR SEED FLOWS [--revise-from DIR --fraction F] [--gzip|--zip]} */
    public static void main(String[] args) throws IOException {
        GeneratorArguments.run("ComtradeGenerator", "FLOWS", args, ComtradeGenerator::new, release -> String.format(
                "wrote Comtrade release %d to %s: %d rows, %d World totals at HS6 level%n", release.revision(),
                release.directory(), release.fact("rows"), release.fact("rows.hs6_total")));
    }

    /** Writes one release of a history. */
    private final class Writer extends KeyedReleaseWriter {

        private final List<Product> products;
        private final Map<Long, Kind> kinds = new HashMap<>();
        private final DecimalFormat thousands = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.US));

        Writer(Path directory, CellHistory history) {
            super(directory, history, ComtradeGenerator.this.compression, "comtrade_.*\\.csv(\\.gz|\\.zip)?");
            this.products = ComtradeVocabulary.products((int) history.size());
            long cells = cells();
            int perKind = (int) Math.max(2, Math.min(100, cells / 1000));
            Kind[] mess = {Kind.NA_VALUE, Kind.THOUSANDS_SEPARATOR, Kind.REPEATED};
            for (int k = 0; k < mess.length; k++) {
                for (int j = 0; j < perKind; j++) {
                    long cell = (long) ((j + (k + 1) / 4.0) * cells / perKind);
                    kinds.putIfAbsent(Math.min(cell, cells - 1), mess[k]);
                }
            }
        }

        long cells() {
            return (long) products.size() * YEARS * ComtradeVocabulary.REPORTERS.size() * FLOWS.length;
        }

        long cell(int product, int yearIndex, int reporter, int flow) {
            return ((long) (product * YEARS + yearIndex) * ComtradeVocabulary.REPORTERS.size() + reporter) * FLOWS.length
                    + flow;
        }

        Kind kind(long cell) {
            return kinds.getOrDefault(cell, Kind.NORMAL);
        }

        @Override
        List<Path> writeTables(int revision) throws IOException {
            List<Path> files = new ArrayList<>();
            for (int yearIndex = 0; yearIndex < YEARS; yearIndex++) {
                int year = FIRST_YEAR + yearIndex;
                String table = "comtrade_C_A_HS_" + year;
                try (TableWriter file = new TableWriter(directory, table, COLUMNS.toArray(String[]::new), compression,
                        false)) {
                    for (int r = 0; r < ComtradeVocabulary.REPORTERS.size(); r++) {
                        for (int f = 0; f < FLOWS.length; f++) {
                            writeGroup(file, yearIndex, r, f, revision);
                        }
                    }
                    files.add(file.file());
                    countRows(file);
                }
            }
            return files;
        }

        /** The rows of one reporter, year and flow: its products, then the aggregates over them. */
        private void writeGroup(TableWriter file, int yearIndex, int r, int f, int revision) throws IOException {
            int year = FIRST_YEAR + yearIndex;
            Reporter reporter = ComtradeVocabulary.REPORTERS.get(r);
            String flow = FLOWS[f];
            Map<String, Double> headings = new TreeMap<>();
            Map<String, Double> chapters = new TreeMap<>();
            double total = 0;
            for (int p = 0; p < products.size(); p++) {
                long cell = cell(p, yearIndex, r, f);
                CellState now = history.state(cell, revision);
                countRevision(cell, p, yearIndex, r, f, before(cell, revision), now);
                if (!now.present()) {
                    continue;
                }
                Product product = products.get(p);
                String code = product.code(year);
                double value = value(p, yearIndex, r, f, now.version());
                writeProduct(file, cell, now.version(), year, reporter, flow, product, code, value);
                headings.merge(code.substring(0, 4), value, Double::sum);
                chapters.merge(code.substring(0, 2), value, Double::sum);
                total += value;
            }
            if (total == 0) {
                return;
            }
            for (Map.Entry<String, Double> heading : headings.entrySet()) {
                file.row(row(year, reporter, flow, 0, heading.getKey(), "Products of heading " + heading.getKey()
                        + ", all subheadings", "4", "C00", "0", "0", heading.getValue()));
                add("rows.hs4", 1);
            }
            for (Map.Entry<String, Double> chapter : chapters.entrySet()) {
                file.row(row(year, reporter, flow, 0, chapter.getKey(), "Chapter " + chapter.getKey()
                        + ", all headings", "2", "C00", "0", "0", chapter.getValue()));
                add("rows.hs2", 1);
            }
            file.row(row(year, reporter, flow, 0, "TOTAL", "All Commodities", "0", "C00", "0", "0", total));
            add("rows.total", 1);
        }

        private void writeProduct(TableWriter file, long cell, int version, int year, Reporter reporter, String flow,
                Product product, String code, double value) throws IOException {
            Kind kind = kind(cell);
            var noise = SeededHash.random(history.baseSeed(), cell, version, SALT_NOISE);
            // Codes with a trailing space, as real API files have them: they must be trimmed.
            String mos = noise.nextDouble() < 0.1 ? "0 " : "0";
            String mot = noise.nextDouble() < 0.05 ? "0 " : "0";
            String customs = noise.nextDouble() < 0.03 ? "C00 " : "C00";
            Object[] total = row(year, reporter, flow, 0, code, product.description(), "6", customs, mos, mot, value);
            switch (kind) {
                case NA_VALUE -> {
                    setValue(total, flow, "NA");
                    add("rows.na_value", 1);
                }
                case THOUSANDS_SEPARATOR -> {
                    // At least a thousand, so that there is a separator to trip over.
                    setValue(total, flow, thousands.format(Math.max(value, 1234.5)));
                    add("rows.thousands_separator", 1);
                }
                default -> {
                    add("rows.hs6_total", 1);
                    add("keys." + reporter.alpha2(), 1);
                    if ("ZZ".equals(reporter.alpha2())) {
                        add("rows.hs6_total.unknown_reporter", 1);
                    }
                }
            }
            file.row(total);
            if (kind == Kind.REPEATED) {
                file.row(row(year, reporter, flow, 0, code, product.description(), "6", "C00", "0", "0",
                        round(value * 1.01)));
                add("rows.repeated_key", 1);
            }
            if (noise.nextDouble() < 0.25) {
                int partners = 1 + noise.nextInt(2);
                for (int i = 0; i < partners; i++) {
                    Reporter partner = ComtradeVocabulary.PARTNERS.get((i + noise.nextInt(3)) % 3);
                    if (partner.code() == reporter.code()) {
                        continue;
                    }
                    file.row(row(year, reporter, flow, partner, code, product.description(), "6", "C00", "0", "0",
                            round(value * (0.1 + 0.3 * noise.nextDouble()))));
                    add("rows.partner", 1);
                }
            }
            if (noise.nextDouble() < 0.12) {
                file.row(row(year, reporter, flow, 0, code, product.description(), "6", "C01", "0", "0",
                        round(value * 0.2)));
                add("rows.customs_split", 1);
                file.row(row(year, reporter, flow, 0, code, product.description(), "6", "C00", "0", "2100",
                        round(value * 0.6)));
                add("rows.mot_split", 1);
            }
            if (flow.equals("X") && noise.nextDouble() < 0.08) {
                file.row(row(year, reporter, "RX", 0, code, product.description(), "6", "C00", "0", "0",
                        round(value * 0.05)));
                add("rows.reexport", 1);
            }
        }

        /** A total's value: a size per reporter and product, growing by year; each version differs. */
        private double value(int p, int yearIndex, int r, int f, int version) {
            Product product = products.get(p);
            Reporter reporter = ComtradeVocabulary.REPORTERS.get(r);
            var scale = SeededHash.random(history.baseSeed(), p, r, SALT_SCALE);
            double base = 1e6 * reporter.weight() * product.weight() * Math.exp(scale.nextGaussian());
            double flowFactor = f == 0 ? 1.0 : 0.6 + 0.8 * scale.nextDouble();
            double growth = Math.pow(1.03 + 0.04 * scale.nextDouble(), yearIndex);
            double versionFactor = version == 0 ? 1.0
                    : 0.8 + 0.4 * SeededHash.unit(SeededHash.hash(history.baseSeed(), cell(p, yearIndex, r, f), version,
                            SALT_VALUE));
            return round(base * flowFactor * growth * versionFactor);
        }

        private boolean publishable(long cell) {
            Kind kind = kind(cell);
            return kind == Kind.NORMAL || kind == Kind.REPEATED;
        }

        private void countRevision(long cell, int p, int yearIndex, int r, int f, CellState before, CellState now) {
            countKey(before.present() && publishable(cell), now.present() && publishable(cell),
                    () -> value(p, yearIndex, r, f, before.version()) == value(p, yearIndex, r, f, now.version()));
        }

        private Object[] row(int year, Reporter reporter, String flow, int partner, String code, String description,
                String level, String customs, String mos, String mot, double value) {
            return row(year, reporter, flow, null, partner, code, description, level, customs, mos, mot, value);
        }

        private Object[] row(int year, Reporter reporter, String flow, Reporter partner, String code, String description,
                String level, String customs, String mos, String mot, double value) {
            return row(year, reporter, flow, partner, partner.code(), code, description, level, customs, mos, mot, value);
        }

        private Object[] row(int year, Reporter reporter, String flow, Reporter partner, int partnerCode, String code,
                String description, String level, String customs, String mos, String mot, double value) {
            boolean import_ = flow.endsWith("M");
            String weight = Long.toString(Math.round(value / 3.7));
            String amount = plain(value);
            String customsTrimmed = customs.strip();
            String motTrimmed = mot.strip();
            return new Object[] {"C", "A", year + "0101", year, 52, year, reporter.code(), reporter.iso3(),
                reporter.description(), flow, flowDescription(flow), partnerCode,
                partner == null ? "W00" : partner.iso3(), partner == null ? "World" : partner.description(), 0, "W00",
                "World", year >= 2022 ? "H6" : "H5", "HS", year >= 2017 ? "TRUE" : "FALSE", code, description, level,
                level.equals("6") ? "TRUE" : "FALSE", customs,
                customsTrimmed.equals("C00") ? "TOTAL CPC" : "Inward processing", mos, mot,
                motTrimmed.equals("0") ? "TOTAL MOT" : "Sea", 8, "kg", weight, "TRUE", -1, "N/A", 0, "FALSE", weight,
                "TRUE", "NA", "FALSE", import_ ? amount : "NA", import_ ? "NA" : amount, amount, 0, "FALSE",
                level.equals("6") ? "FALSE" : "TRUE"};
        }

        private void setValue(Object[] row, String flow, String value) {
            int cif = COLUMNS.indexOf("cifvalue");
            row[flow.equals("M") ? cif : cif + 1] = value;
            row[COLUMNS.indexOf("primaryValue")] = value;
        }

        private String flowDescription(String flow) {
            return switch (flow) {
                case "M" -> "Import";
                case "X" -> "Export";
                default -> "Re-export";
            };
        }

    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /** Values as the API writes them: plain decimals, no exponent. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

}
