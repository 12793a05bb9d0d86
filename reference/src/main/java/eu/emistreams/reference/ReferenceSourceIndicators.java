package eu.emistreams.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An independent computation of indicators.md §5 (trade), §6 (production) and §7 (investment) on
 * one release alone, with the key sets docs/indicators-implementation.md chose: the source files are
 * read as sources.md describes them, rows are kept or left out by the contract's rules, and sums are
 * exact decimals. The EU27 economy ({@code EU27}) is summed as the rows are read: every row of a member
 * also adds to it (trade: the members' reported flows, intra-EU trade included), and it is a reporter
 * of trade or production in a year once a member is. Row outcomes follow the buckets ingest-service/README.md documents, so the report's
 * accounting can be checked too.
 */
public final class ReferenceSourceIndicators {

    public static final List<String> TRADE_INDICATORS = List.of("trade.exports", "trade.imports", "trade.balance",
            "trade.eu27_rank");
    public static final List<String> PRODUCTION_INDICATORS = List.of("production.value", "production.tech_share",
            "production.eu_share");
    public static final List<String> INVESTMENT_INDICATORS = List.of("investment.pe_vc_usd", "investment.rounds");

    /** §7: the investment types that count as private equity or venture capital. */
    static final Set<String> PE_VC_TYPES = Set.of("angel", "pre_seed", "seed", "series_a", "series_b", "series_c",
            "series_d", "series_e", "series_f", "series_g", "series_h", "series_i", "series_j", "series_unknown",
            "private_equity", "corporate_round", "convertible_note", "undisclosed");
    static final int TOTAL_YEAR = 0;
    static final int TOTAL_FIRST_YEAR = 2015;
    static final int TOTAL_LAST_YEAR = 2023;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, String> ALPHA3_TO_ALPHA2 = alpha3ToAlpha2();

    /** The indicators of one release, and how its rows were accounted for (§8). */
    public record Result(SortedMap<IndicatorId, Fraction> indicators, Accounting accounting) {
    }

    /** Rows read and their buckets; {@code published} counts rows whose content was published. */
    public record Accounting(long read, long published, long ignored, long quality, long rejected) {
    }

    private static final class Buckets {
        long read;
        long published;
        long ignored;
        long quality;
        long rejected;

        Accounting toAccounting() {
            return new Accounting(read, published, ignored, quality, rejected);
        }
    }

    /** Exact sums under {@code code|country|measure}, per year. */
    private static final class Sums {
        final Map<Integer, Map<String, BigDecimal>> byYear = new TreeMap<>();
        final Map<Integer, Set<String>> countriesByYear = new TreeMap<>();

        void add(int year, String code, String country, String measure, BigDecimal amount) {
            byYear.computeIfAbsent(year, y -> new HashMap<>()).merge(code + "|" + country + "|" + measure, amount,
                    BigDecimal::add);
        }

        BigDecimal get(int year, String code, String country, String measure) {
            return byYear.getOrDefault(year, Map.of()).getOrDefault(code + "|" + country + "|" + measure, BigDecimal.ZERO);
        }

        void present(int year, String country) {
            countriesByYear.computeIfAbsent(year, y -> new TreeSet<>()).add(country);
        }
    }

    private ReferenceSourceIndicators() {
    }

    // ---------------------------------------------------------------- §5 trade

    /** §5 on every {@code *.csv[.gz|.zip]} of a Comtrade release directory. */
    public static Result trade(Path directory, ConcordanceRules rules) {
        Buckets buckets = new Buckets();
        Sums sums = new Sums();
        Set<String> keys = new HashSet<>();
        for (String table : tablesOf(directory)) {
            CsvTable.forEachRow(directory, table, List.of("refYear", "reporterISO", "flowCode", "partnerCode",
                    "cmdCode", "primaryValue"), row -> {
                buckets.read++;
                if (!row.wellFormed()) {
                    buckets.rejected++;
                    return;
                }
                String typeCode = optional(row, "typeCode");
                String freqCode = optional(row, "freqCode");
                String flow = value(row, "flowCode");
                String partner = value(row, "partnerCode");
                String customs = optional(row, "customsCode");
                String mot = optional(row, "motCode");
                String commodity = value(row, "cmdCode");
                if ((typeCode != null && !typeCode.equals("C")) || (freqCode != null && !freqCode.equals("A"))
                        || !(flow.equals("X") || flow.equals("M")) || !partner.equals("0")
                        || (customs != null && !customs.equals("C00")) || (mot != null && !mot.equals("0"))) {
                    buckets.ignored++;
                    return;
                }
                if (commodity.equals("TOTAL") || (DIGITS.matcher(commodity).matches() && commodity.length() != 6)) {
                    // Only 6-digit rows count: the others are sums of them.
                    buckets.ignored++;
                    return;
                }
                String reporter = value(row, "reporterISO");
                String primaryValue = value(row, "primaryValue");
                String year = value(row, "refYear");
                if (!commodity.isEmpty() && !DIGITS.matcher(commodity).matches()) {
                    buckets.rejected++;
                    return;
                }
                if (commodity.isEmpty() || reporter.isEmpty() || primaryValue.isEmpty()) {
                    buckets.rejected++;
                    return;
                }
                if (!WHOLE_NUMBER.matcher(year).matches() || !PLAIN_DECIMAL.matcher(primaryValue).matches()) {
                    buckets.rejected++;
                    return;
                }
                String key = String.join("|", year, reporter, flow, partner, commodity,
                        customs == null ? "" : customs, mot == null ? "" : mot);
                if (!keys.add(key)) {
                    buckets.rejected++;
                    return;
                }
                buckets.published++;
                int refYear = Integer.parseInt(year);
                String country = ALPHA3_TO_ALPHA2.getOrDefault(reporter.toUpperCase(Locale.ROOT), EmiCodes.UNKNOWN_COUNTRY);
                BigDecimal amount = new BigDecimal(primaryValue);
                sums.present(refYear, country);
                for (String code : rules.tagHs6(commodity)) {
                    sums.add(refYear, code, country, flow, amount);
                }
                if (EmiCodes.EU27.contains(country)) {
                    // The EU27 economy reports what its members report, intra-EU flows included.
                    sums.present(refYear, EmiCodes.EU27_ECONOMY);
                    for (String code : rules.tagHs6(commodity)) {
                        sums.add(refYear, code, EmiCodes.EU27_ECONOMY, flow, amount);
                    }
                }
            });
        }
        SortedMap<IndicatorId, Fraction> indicators = new TreeMap<>();
        sums.countriesByYear.forEach((year, reporters) -> {
            for (String code : EmiCodes.ALL_CODES) {
                Map<String, Fraction> memberBalances = new TreeMap<>();
                for (String country : reporters) {
                    BigDecimal exports = sums.get(year, code, country, "X");
                    BigDecimal imports = sums.get(year, code, country, "M");
                    indicators.put(new IndicatorId("trade.exports", country, code, year), fraction(exports));
                    indicators.put(new IndicatorId("trade.imports", country, code, year), fraction(imports));
                    BigDecimal total = exports.add(imports);
                    if (total.signum() != 0) {
                        Fraction balance = Fraction.HUNDRED.times(fraction(exports.subtract(imports))).dividedBy(fraction(total));
                        indicators.put(new IndicatorId("trade.balance", country, code, year), balance);
                        if (EmiCodes.EU27.contains(country)) {
                            memberBalances.put(country, balance);
                        }
                    }
                }
                rank(memberBalances).forEach((country, rank) ->
                        indicators.put(new IndicatorId("trade.eu27_rank", country, code, year), Fraction.of(rank, 1)));
            }
        });
        return new Result(indicators, buckets.toAccounting());
    }

    // ---------------------------------------------------------------- §6 production

    /** §6 on every {@code *.csv[.gz|.zip]} of a Prodcom (DS-059358, SDMX-CSV) release directory. */
    public static Result production(Path directory, ConcordanceRules rules) {
        Buckets buckets = new Buckets();
        Sums sums = new Sums();
        Set<String> keys = new HashSet<>();
        for (String table : tablesOf(directory)) {
            CsvTable.forEachRow(directory, table, List.of("freq", "reporter", "product", "indicators", "TIME_PERIOD",
                    "OBS_VALUE"), row -> {
                buckets.read++;
                if (!row.wellFormed()) {
                    buckets.rejected++;
                    return;
                }
                String reporter = value(row, "reporter").toUpperCase(Locale.ROOT);
                if (!value(row, "indicators").equals("PRODVAL") || !value(row, "freq").equals("A")
                        || isAggregate(reporter)) {
                    buckets.ignored++;
                    return;
                }
                String product = value(row, "product").replace(".", "");
                String period = value(row, "TIME_PERIOD");
                String observation = value(row, "OBS_VALUE");
                String flag = optional(row, "OBS_FLAG");
                if (product.length() != 8 || !DIGITS.matcher(product).matches() || !WHOLE_NUMBER.matcher(period).matches()) {
                    buckets.rejected++;
                    return;
                }
                if (flag != null && flag.contains("c")) {
                    buckets.quality++;
                    return;
                }
                if (observation.isEmpty() || observation.equals(":")) {
                    buckets.quality++;
                    return;
                }
                BigDecimal amount;
                try {
                    amount = new BigDecimal(observation);
                } catch (NumberFormatException e) {
                    buckets.rejected++;
                    return;
                }
                String country = prodcomCountry(reporter);
                // An unknown reporter is ZZ but keeps its own code in the key (two unknowns stay apart).
                String keyCountry = country.equals(EmiCodes.UNKNOWN_COUNTRY) ? reporter : country;
                int year = Integer.parseInt(period);
                if (!keys.add(keyCountry + "|" + product + "|" + year)) {
                    buckets.rejected++;
                    return;
                }
                buckets.published++;
                List<String> producers = EmiCodes.EU27.contains(country)
                        ? List.of(country, EmiCodes.EU27_ECONOMY) : List.of(country);
                for (String producer : producers) {
                    sums.present(year, producer);
                    sums.add(year, "*", producer, "V", amount);
                    for (String code : rules.tagProdcom8(product)) {
                        sums.add(year, code, producer, "V", amount);
                    }
                }
            });
        }
        SortedMap<IndicatorId, Fraction> indicators = new TreeMap<>();
        sums.countriesByYear.forEach((year, reporters) -> {
            for (String code : EmiCodes.ALL_CODES) {
                BigDecimal memberTotal = BigDecimal.ZERO;
                for (String country : reporters) {
                    if (EmiCodes.EU27.contains(country)) {
                        memberTotal = memberTotal.add(sums.get(year, code, country, "V"));
                    }
                }
                for (String country : reporters) {
                    BigDecimal value = sums.get(year, code, country, "V");
                    BigDecimal all = sums.get(year, "*", country, "V");
                    indicators.put(new IndicatorId("production.value", country, code, year), fraction(value));
                    indicators.put(new IndicatorId("production.tech_share", country, code, year), share(value, all));
                    if (EmiCodes.EU27.contains(country)) {
                        indicators.put(new IndicatorId("production.eu_share", country, code, year), share(value, memberTotal));
                    }
                }
            }
        });
        return new Result(indicators, buckets.toAccounting());
    }

    static boolean isAggregate(String reporter) {
        return reporter.length() != 2 || reporter.equals("EU") || reporter.equals("EA");
    }

    static String prodcomCountry(String reporter) {
        return switch (reporter) {
            case "EL" -> "GR";
            case "UK" -> "GB";
            default -> EmiCodes.normaliseCountry(reporter);
        };
    }

    // ---------------------------------------------------------------- §7 investment

    private record Organization(String country, List<String> categories) {
    }

    private record Round(String organization, String type, LocalDate announced, BigDecimal amount) {
    }

    /** §7 on {@code organizations.csv} and {@code funding_rounds.csv} of a Crunchbase export directory. */
    public static Result investment(Path directory, ConcordanceRules rules) {
        Buckets buckets = new Buckets();
        Map<String, Organization> organizations = new HashMap<>();
        CsvTable.forEachRow(directory, "organizations", List.of("uuid", "country_code", "category_list"), row -> {
            buckets.read++;
            String uuid = row.wellFormed() ? value(row, "uuid") : "";
            if (uuid.isEmpty() || organizations.containsKey(uuid)) {
                buckets.rejected++;
                return;
            }
            organizations.put(uuid, new Organization(crunchbaseCountry(value(row, "country_code")),
                    categories(row.get("category_list"))));
        });
        List<Round> rounds = new ArrayList<>();
        Set<String> roundUuids = new HashSet<>();
        CsvTable.forEachRow(directory, "funding_rounds", List.of("uuid", "org_uuid", "investment_type", "announced_on",
                "raised_amount_usd"), row -> {
            buckets.read++;
            if (!row.wellFormed()) {
                buckets.rejected++;
                return;
            }
            String uuid = value(row, "uuid");
            String organization = value(row, "org_uuid");
            String type = value(row, "investment_type").toLowerCase(Locale.ROOT);
            if (uuid.isEmpty() || organization.isEmpty() || type.isEmpty() || !roundUuids.add(uuid)
                    || !organizations.containsKey(organization)) {
                buckets.rejected++;
                return;
            }
            LocalDate announced;
            try {
                announced = LocalDate.parse(value(row, "announced_on"), ISO_DATE);
            } catch (DateTimeParseException e) {
                buckets.rejected++;
                return;
            }
            String raised = value(row, "raised_amount_usd");
            BigDecimal amount = null;
            if (!raised.isEmpty()) {
                try {
                    amount = new BigDecimal(raised);
                } catch (NumberFormatException e) {
                    buckets.rejected++;
                    return;
                }
                if (amount.signum() < 0) {
                    buckets.rejected++;
                    return;
                }
            }
            buckets.published++;
            rounds.add(new Round(organization, type, announced, amount));
        });
        Set<String> organizationsWithRound = new HashSet<>();
        rounds.forEach(round -> organizationsWithRound.add(round.organization()));
        buckets.published += organizationsWithRound.size();
        buckets.ignored += organizations.size() - organizationsWithRound.size();

        Sums sums = new Sums();
        for (Round round : rounds) {
            int year = round.announced().getYear();
            if (!PE_VC_TYPES.contains(round.type()) || year <= TOTAL_YEAR) {
                continue;
            }
            Organization organization = organizations.get(round.organization());
            Set<String> codes = rules.tagCategories(organization.categories());
            List<Integer> years = year >= TOTAL_FIRST_YEAR && year <= TOTAL_LAST_YEAR ? List.of(year, TOTAL_YEAR) : List.of(year);
            List<String> investedIn = EmiCodes.EU27.contains(organization.country())
                    ? List.of(organization.country(), EmiCodes.EU27_ECONOMY) : List.of(organization.country());
            for (int countedYear : years) {
                sums.present(countedYear, organization.country());
                for (String country : investedIn) {
                    for (String code : codes) {
                        sums.add(countedYear, code, country, "N", BigDecimal.ONE);
                        if (round.amount() != null) {
                            sums.add(countedYear, code, country, "USD", round.amount());
                        }
                    }
                }
            }
        }
        SortedMap<IndicatorId, Fraction> indicators = new TreeMap<>();
        sums.countriesByYear.forEach((year, withRounds) -> {
            Set<String> countries = new TreeSet<>(EmiCodes.EU27);
            countries.addAll(EmiCodes.PEERS);
            countries.add(EmiCodes.EU27_ECONOMY);
            countries.addAll(withRounds);
            for (String code : EmiCodes.ALL_CODES) {
                for (String country : countries) {
                    indicators.put(new IndicatorId("investment.pe_vc_usd", country, code, year),
                            fraction(sums.get(year, code, country, "USD")));
                    indicators.put(new IndicatorId("investment.rounds", country, code, year),
                            fraction(sums.get(year, code, country, "N")));
                }
            }
        });
        return new Result(indicators, buckets.toAccounting());
    }

    /** {@code category_list}: one comma-separated field; categories trimmed, without blanks and repeats. */
    static List<String> categories(String categoryList) {
        Set<String> categories = new LinkedHashSet<>();
        for (String category : categoryList.split(",")) {
            if (!category.isBlank()) {
                categories.add(category.trim());
            }
        }
        return List.copyOf(categories);
    }

    static String crunchbaseCountry(String alpha3) {
        String code = alpha3.trim().toUpperCase(Locale.ROOT);
        // Crunchbase writes Romania with its pre-2002 code.
        return code.equals("ROM") ? "RO" : ALPHA3_TO_ALPHA2.getOrDefault(code, EmiCodes.UNKNOWN_COUNTRY);
    }

    // ---------------------------------------------------------------- shared

    /** Competition ranking (1, 2, 2, 4) of values rounded half-up to 9 decimals, highest first. */
    static Map<String, Integer> rank(Map<String, Fraction> values) {
        Map<String, BigDecimal> rounded = new TreeMap<>();
        values.forEach((country, value) -> rounded.put(country, value.rounded(9)));
        Map<String, Integer> ranks = new TreeMap<>();
        rounded.forEach((country, value) -> ranks.put(country,
                1 + (int) rounded.values().stream().filter(other -> other.compareTo(value) > 0).count()));
        return ranks;
    }

    static Fraction share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? Fraction.ZERO : Fraction.HUNDRED.times(fraction(part)).dividedBy(fraction(whole));
    }

    static Fraction fraction(BigDecimal value) {
        return value.scale() <= 0
                ? new Fraction(value.setScale(0, RoundingMode.UNNECESSARY).unscaledValue(), BigInteger.ONE)
                : new Fraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    /** A used value, trimmed, with Comtrade's {@code NA} read as no value. */
    private static String value(CsvTable.Row row, String column) {
        String text = row.get(column).trim();
        return text.equals("NA") ? "" : text;
    }

    /** A column that some layouts lack: null when the file has no such column. */
    private static String optional(CsvTable.Row row, String column) {
        return row.record().isMapped(column) ? value(row, column) : null;
    }

    /** The tables of a single-table source directory: every CSV file, plain or compressed, in name order. */
    static List<String> tablesOf(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".csv.zip"))
                    .sorted()
                    .map(name -> name.substring(0, name.lastIndexOf(".csv")))
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(directory.toString(), e);
        }
    }

    private static Map<String, String> alpha3ToAlpha2() {
        Map<String, String> codes = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            codes.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
        return Map.copyOf(codes);
    }
}
