package eu.emistreams.events.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one mapping between the country codes of the sources and the ISO 3166-1 alpha-2 codes the
 * system uses inside (indicators.md §1): ISO alpha-3 (Comtrade {@code reporterISO}, Crunchbase
 * {@code country_code}), UN M49 numeric (Comtrade {@code reporterCode}, with its own quirks) and
 * Eurostat geo codes ({@code EL} for Greece, {@code UK} for the United Kingdom, aggregates such as
 * {@code EU27_2020} that are no country).
 *
 * <p>The table is {@code countries.csv} beside this class ({@code alpha2,alpha3,m49}, the 249
 * entries of ISO 3166-1, whose numeric codes are the M49 country codes). Lookups trim and
 * upper-case their input, since source files pad codes; an unknown code gives an empty result,
 * which callers turn into {@link #UNKNOWN}.
 */
public final class Countries {

    /** "Unknown / not a valid country" (indicators.md §1). */
    public static final String UNKNOWN = "ZZ";

    /** The 27 member states, Greece as {@code GR}. */
    public static final Set<String> EU27 = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /**
     * Comtrade reporter codes that differ from the ISO numeric code: the reporter's customs area
     * includes territories (France with Monaco, the USA with Puerto Rico and the US Virgin Islands,
     * Switzerland with Liechtenstein, Norway with Svalbard and Jan Mayen, India with Sikkim in the
     * old series). Source: UN Comtrade reporter reference list.
     */
    private static final Map<Integer, String> COMTRADE_M49 = Map.of(251, "FR", 842, "US", 757, "CH", 699, "IN",
            579, "NO");

    /** Eurostat geo codes that are not the ISO code of the same country. */
    private static final Map<String, String> EUROSTAT = Map.of("EL", "GR", "UK", "GB");

    /**
     * Former ISO alpha-3 codes still found in exports: Romania was {@code ROM} until 2002
     * (ISO 3166-3), and older Crunchbase exports still carry it.
     */
    private static final Map<String, String> FORMER_ALPHA_3 = Map.of("ROM", "RO");

    /** EU, EU27_2020, EU28, EA, EA20, EEA30_2007, EFTA...: groups of countries, not countries. */
    private static final Pattern EUROSTAT_AGGREGATE = Pattern.compile("(EU|EA|EEA|EFTA)([0-9_].*)?");

    private static final Table TABLE = Table.load();

    private Countries() {
    }

    /** The alpha-2 code of an ISO alpha-3 code ({@code BEL} gives {@code BE}). */
    public static Optional<String> fromAlpha3(String alpha3) {
        String code = normalise(alpha3);
        if (code == null) {
            return Optional.empty();
        }
        String alpha2 = TABLE.byAlpha3.get(code);
        return Optional.ofNullable(alpha2 != null ? alpha2 : FORMER_ALPHA_3.get(code));
    }

    /**
     * The alpha-2 code of a UN M49 country code as UN Comtrade writes it: the standard code, or one
     * of Comtrade's own reporter codes (France 251, USA 842, Switzerland 757, India 699, Norway 579).
     * World (0), regions and groupings give an empty result.
     */
    public static Optional<String> fromM49(int m49) {
        String quirk = COMTRADE_M49.get(m49);
        return Optional.ofNullable(quirk != null ? quirk : TABLE.byM49.get(m49));
    }

    /**
     * The alpha-2 code of a Eurostat geo code: the ISO code itself, {@code EL} for Greece and
     * {@code UK} for the United Kingdom; aggregates ({@code EU27_2020}, {@code EA20}) and codes
     * that are no ISO country ({@code XK}) give an empty result.
     */
    public static Optional<String> fromEurostat(String geo) {
        String code = normalise(geo);
        if (code == null) {
            return Optional.empty();
        }
        String mapped = EUROSTAT.get(code);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return TABLE.alpha2.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** Whether a Eurostat geo code names a group of countries ({@code EU27_2020}, {@code EA20}, {@code EFTA}). */
    public static boolean isEurostatAggregate(String geo) {
        String code = normalise(geo);
        return code != null && EUROSTAT_AGGREGATE.matcher(code).matches();
    }

    /**
     * Whether the text is an ISO 3166-1 alpha-2 code exactly as the system writes it: two upper-case
     * letters of an assigned country ({@code EL}, {@code UK}, {@code ZZ} and {@code be} are not).
     */
    public static boolean isIsoAlpha2(String code) {
        return code != null && TABLE.alpha2.contains(code);
    }

    /** The ISO alpha-3 code of an alpha-2 code. */
    public static Optional<String> alpha3Of(String alpha2) {
        return Optional.ofNullable(alpha2 == null ? null : TABLE.alpha3ByAlpha2.get(alpha2));
    }

    /** The standard M49 (ISO numeric) code of an alpha-2 code. */
    public static OptionalInt m49Of(String alpha2) {
        Integer m49 = alpha2 == null ? null : TABLE.m49ByAlpha2.get(alpha2);
        return m49 == null ? OptionalInt.empty() : OptionalInt.of(m49);
    }

    /** Every ISO alpha-2 code of the table, sorted. */
    public static Set<String> alpha2Codes() {
        return TABLE.alpha2;
    }

    private static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String trimmed = code.strip();
        return trimmed.isEmpty() ? null : trimmed.toUpperCase(Locale.ROOT);
    }

    /** The parsed {@code countries.csv}. */
    private record Table(Set<String> alpha2, Map<String, String> byAlpha3, Map<Integer, String> byM49,
            Map<String, String> alpha3ByAlpha2, Map<String, Integer> m49ByAlpha2) {

        private static final String HEADER = "alpha2,alpha3,m49";

        static Table load() {
            try (InputStream in = Countries.class.getResourceAsStream("countries.csv")) {
                if (in == null) {
                    throw new IllegalStateException("countries.csv is missing beside " + Countries.class.getName());
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read countries.csv", e);
            }
        }

        static Table parse(BufferedReader reader) throws IOException {
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("countries.csv: header must be " + HEADER + ", is " + header);
            }
            Set<String> alpha2 = new TreeSet<>();
            Map<String, String> byAlpha3 = new HashMap<>();
            Map<Integer, String> byM49 = new HashMap<>();
            Map<String, String> alpha3ByAlpha2 = new HashMap<>();
            Map<String, Integer> m49ByAlpha2 = new HashMap<>();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 3 || !fields[0].matches("[A-Z]{2}") || !fields[1].matches("[A-Z]{3}")
                        || !fields[2].matches("\\d{1,3}")) {
                    throw new IllegalStateException("countries.csv line " + number + ": not alpha2,alpha3,m49: " + line);
                }
                int m49 = Integer.parseInt(fields[2]);
                if (!alpha2.add(fields[0]) || byAlpha3.put(fields[1], fields[0]) != null
                        || byM49.put(m49, fields[0]) != null) {
                    throw new IllegalStateException("countries.csv line " + number + ": a code appears twice: " + line);
                }
                alpha3ByAlpha2.put(fields[0], fields[1]);
                m49ByAlpha2.put(fields[0], m49);
            }
            return new Table(java.util.Collections.unmodifiableSet(alpha2), Map.copyOf(byAlpha3), Map.copyOf(byM49),
                    Map.copyOf(alpha3ByAlpha2), Map.copyOf(m49ByAlpha2));
        }
    }
}
