package eu.emistreams.sampledata;

import eu.emistreams.sampledata.CellHistory.CellState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates Crunchbase bulk exports: {@code organizations.csv} and {@code funding_rounds.csv} with
 * the columns of the real export, companies of the EU27 (Belgium among them in every release) and
 * elsewhere, {@code category_list} as one quoted comma-separated field whose categories hit the
 * shipped concordance's CB_CATEGORY rules, every investment type of indicators.md §7 and others
 * (grant, debt_financing, post_ipo_equity...), rounds announced 2013-2024. The mess of real
 * exports comes in small known numbers: organizations without a country or without any round,
 * rounds without an amount, naming an organization missing from the export, with an impossible
 * date, without an investment type, or listed twice; quoted multi-line descriptions.
 *
 * <p>Rounds are the natural keys: cells of organization × round slot (see {@link CellHistory}).
 * Facts, in {@code emi-generator.properties}: {@code organizations.rows},
 * {@code organizations.with_published_round}, {@code organizations.without_published_round};
 * {@code rounds.rows}, {@code rounds.published} (with a date, a type and a known organization; the
 * first row of a uuid) and {@code rounds.published.blank_country} of them, {@code keys.<alpha2>}
 * per country; {@code rounds.bad_date}, {@code rounds.blank_type}, {@code rounds.repeated},
 * {@code rounds.orphan}; {@code revision.keys.new_or_changed|unchanged|retracted}.
 */
public final class CrunchbaseGenerator extends KeyedReleaseGenerator {

    static final String NAME = "crunchbase";
    static final int MAX_ROUNDS = 5;
    static final double PRESENCE = 0.85;
    static final int FIRST_YEAR = 2013;
    static final int LAST_YEAR = 2024;

    static final String[] ORGANIZATION_COLUMNS = {"uuid", "name", "type", "permalink", "cb_url", "rank", "created_at",
        "updated_at", "legal_name", "roles", "domain", "homepage_url", "country_code", "state_code", "region", "city",
        "address", "postal_code", "status", "short_description", "category_list", "category_groups_list",
        "num_funding_rounds", "total_funding_usd", "total_funding", "total_funding_currency_code", "founded_on",
        "last_funding_on", "closed_on", "employee_count", "email", "phone", "facebook_url", "linkedin_url",
        "twitter_url", "logo_url", "alias1", "alias2", "alias3", "primary_role", "num_exits"};
    static final String[] ROUND_COLUMNS = {"uuid", "name", "type", "permalink", "cb_url", "rank", "created_at",
        "updated_at", "country_code", "state_code", "region", "city", "investment_type", "announced_on",
        "raised_amount_usd", "raised_amount", "raised_amount_currency_code", "post_money_valuation_usd",
        "post_money_valuation", "post_money_valuation_currency_code", "investor_count", "org_uuid", "org_name",
        "lead_investor_uuids"};

    /** Company countries: alpha-2 as the ingest should make it, alpha-3 as the export writes it, weight. */
    record Country(String alpha2, String alpha3, double weight) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("US", "USA", 35), new Country("GB", "GBR", 8), new Country("CN", "CHN", 7),
            new Country("IN", "IND", 4), new Country("CA", "CAN", 3), new Country("IL", "ISR", 2),
            new Country("CH", "CHE", 1.5), new Country("DE", "DEU", 6), new Country("FR", "FRA", 5.5),
            new Country("NL", "NLD", 2), new Country("ES", "ESP", 2), new Country("SE", "SWE", 2),
            new Country("IT", "ITA", 1.5), new Country("BE", "BEL", 1), new Country("DK", "DNK", 1),
            new Country("FI", "FIN", 1), new Country("IE", "IRL", 1), new Country("AT", "AUT", 0.8),
            new Country("PL", "POL", 0.8), new Country("PT", "PRT", 0.6), new Country("EE", "EST", 0.5),
            new Country("CZ", "CZE", 0.4), new Country("LU", "LUX", 0.3), new Country("GR", "GRC", 0.3),
            new Country("RO", "ROU", 0.3), new Country("LT", "LTU", 0.3), new Country("HU", "HUN", 0.3),
            new Country("BG", "BGR", 0.2), new Country("LV", "LVA", 0.2), new Country("HR", "HRV", 0.2),
            new Country("SI", "SVN", 0.2), new Country("SK", "SVK", 0.2), new Country("CY", "CYP", 0.15),
            new Country("MT", "MLT", 0.1));

    /** Category themes: categories that go together on one company, with their Crunchbase group. */
    record Theme(String group, List<String> categories) {
    }

    static final List<Theme> THEMES = List.of(
            new Theme("Energy,Sustainability", List.of("Solar", "Renewable Energy", "CleanTech", "Wind Energy", "Energy Storage", "Battery", "Energy Efficiency")),
            new Theme("Artificial Intelligence,Data and Analytics", List.of("Artificial Intelligence", "Machine Learning", "Computer Vision", "Natural Language Processing", "Big Data", "Analytics")),
            new Theme("Software,Information Technology", List.of("Software", "SaaS", "Enterprise Software", "Cloud Computing", "Developer Tools")),
            new Theme("Privacy and Security", List.of("Cyber Security", "Network Security", "Identity Management", "Fraud Detection")),
            new Theme("Health Care,Biotechnology", List.of("Health Care", "Biotechnology", "Medical Device", "Pharmaceutical", "Therapeutics", "Genetics")),
            new Theme("Transportation", List.of("Automotive", "Electric Vehicle", "Autonomous Vehicles", "Logistics", "Fleet Management")),
            new Theme("Hardware,Manufacturing", List.of("Robotics", "3D Printing", "Industrial Automation", "Semiconductor", "Internet of Things", "Sensor", "Electronics")),
            new Theme("Commerce and Shopping", List.of("E-Commerce", "Retail", "Marketplace", "Fashion")),
            new Theme("Food and Beverage,Agriculture and Farming", List.of("Food and Beverage", "AgTech", "Agriculture", "Restaurants")),
            new Theme("Travel and Tourism,Media and Entertainment", List.of("Travel", "Hospitality", "Video Games", "Music", "Digital Media")),
            new Theme("Financial Services,Professional Services", List.of("FinTech", "Consulting", "Legal", "Insurance", "Payments")),
            new Theme("Real Estate,Science and Engineering", List.of("Construction", "Advanced Materials", "Nanotechnology", "Aerospace", "Drones")));

    /** Investment types as the export writes them, with weights: the PE/VC ones of indicators.md §7 and others. */
    static final List<String> INVESTMENT_TYPES = List.of("angel", "pre_seed", "seed", "series_a", "series_b", "series_c",
            "series_d", "series_e", "series_f", "series_g", "series_h", "series_i", "series_j", "series_unknown",
            "private_equity", "corporate_round", "convertible_note", "undisclosed", "grant", "debt_financing",
            "post_ipo_equity", "post_ipo_debt", "post_ipo_secondary", "secondary_market", "equity_crowdfunding",
            "product_crowdfunding", "non_equity_assistance", "initial_coin_offering");
    private static final double[] INVESTMENT_WEIGHTS = {6, 6, 18, 10, 6, 3, 1.5, 0.8, 0.4, 0.2, 0.1, 0.05, 0.05, 4, 2,
        2, 2, 3, 5, 5, 1, 0.5, 0.3, 0.5, 1, 0.8, 1.5, 0.3};

    private static final long SALT_ORGANIZATION = 501;
    private static final long SALT_ROUND = 502;
    private static final long SALT_AMOUNT = 503;
    private static final long SALT_UUID = 504;

    public CrunchbaseGenerator() {
        this(FileCompression.NONE);
    }

    public CrunchbaseGenerator(FileCompression compression) {
        super(NAME, "round", PRESENCE, compression);
    }

    /** The organizations whose round slots give about {@code rounds} published funding rounds. */
    @Override
    long units(int rounds) {
        // About 2.5 round slots per organization are used, 85 % of them present.
        return Math.max(25, (long) Math.ceil(rounds / (2.5 * PRESENCE)));
    }

    /** Writes a release of the history. */
    @Override
    GeneratedRelease write(Path directory, CellHistory history) throws IOException {
        return new Writer(directory, history).write();
    }

    /** {@code DIR SEED ROUNDS [--revise-from DIR --fraction F] [--gzip|--zip]} */
    public static void main(String[] args) throws IOException {
        GeneratorArguments.run("CrunchbaseGenerator", "ROUNDS", args, CrunchbaseGenerator::new, release -> String.format(
                "wrote Crunchbase release %d to %s: %d organizations, %d rounds (%d published)%n", release.revision(),
                release.directory(), release.fact("organizations.rows"), release.fact("rounds.rows"),
                release.fact("rounds.published")));
    }

    /** What a round carries, fixed by the base seed. */
    enum Kind {
        NORMAL, BAD_DATE, BLANK_TYPE, REPEATED
    }

    /** An organization as the export writes it. */
    record Organization(int index, String uuid, String name, Country country, List<String> categories,
            String categoryList, String groups, int foundedYear, int potentialRounds) {
    }

    /** A round's fields that do not change across versions. */
    record Round(String uuid, String investmentType, String announcedOn) {
    }

    private final class Writer extends KeyedReleaseWriter {

        private final Map<Long, Kind> kinds = new HashMap<>();
        private final int messPerKind;
        private final double totalCountryWeight = COUNTRIES.stream().mapToDouble(Country::weight).sum();
        private final double totalTypeWeight;

        Writer(Path directory, CellHistory history) {
            super(directory, history, CrunchbaseGenerator.this.compression, "(organizations|funding_rounds)\\.csv(\\.gz|\\.zip)?");
            long cells = history.size() * MAX_ROUNDS;
            messPerKind = (int) Math.max(2, Math.min(100, cells / 1000));
            Kind[] mess = {Kind.BAD_DATE, Kind.BLANK_TYPE, Kind.REPEATED};
            for (int k = 0; k < mess.length; k++) {
                for (int j = 0; j < messPerKind; j++) {
                    // Slot 0 of an organization: the one that exists whenever it has rounds at all.
                    long organization = (long) ((j + (k + 1) / 4.0) * history.size() / messPerKind);
                    kinds.putIfAbsent(Math.min(organization, history.size() - 1) * MAX_ROUNDS, mess[k]);
                }
            }
            double sum = 0;
            for (double weight : INVESTMENT_WEIGHTS) {
                sum += weight;
            }
            totalTypeWeight = sum;
        }

        Kind kind(long cell) {
            return kinds.getOrDefault(cell, Kind.NORMAL);
        }

        @Override
        List<Path> writeTables(int revision) throws IOException {
            List<Path> files = new ArrayList<>();
            try (TableWriter organizations = new TableWriter(directory, "organizations", ORGANIZATION_COLUMNS,
                    compression, false);
                    TableWriter rounds = new TableWriter(directory, "funding_rounds", ROUND_COLUMNS, compression, false)) {
                for (int o = 0; o < history.size(); o++) {
                    Organization organization = organization(o);
                    boolean published = false;
                    for (int i = 0; i < organization.potentialRounds(); i++) {
                        long cell = (long) o * MAX_ROUNDS + i;
                        CellState now = history.state(cell, revision);
                        countRevision(cell, before(cell, revision), now);
                        if (now.present()) {
                            published |= writeRound(rounds, organization, cell, now.version());
                        }
                    }
                    writeOrganization(organizations, organization);
                    add(published ? "organizations.with_published_round" : "organizations.without_published_round", 1);
                    if (o % 97 == 13) {
                        writeOrphan(rounds, o);
                    }
                }
                files.add(organizations.file());
                files.add(rounds.file());
                add("organizations.rows", organizations.rows());
                add("rounds.rows", rounds.rows());
            }
            return files;
        }

        Organization organization(int o) {
            SplittableRandom random = SeededHash.random(history.baseSeed(), o, 0, SALT_ORGANIZATION);
            Country country;
            // Belgium in every release, for the fact sheet; a few companies without a country.
            if (o % 20 == 3) {
                country = COUNTRIES.get(13);
            } else if (o % 33 == 7) {
                country = null;
            } else {
                country = weightedCountry(random.nextDouble() * totalCountryWeight);
            }
            Theme theme = THEMES.get(random.nextInt(THEMES.size()));
            Set<String> categories = new LinkedHashSet<>();
            int count = 1 + random.nextInt(4);
            for (int c = 0; c < count; c++) {
                categories.add(theme.categories().get(random.nextInt(theme.categories().size())));
            }
            if (random.nextDouble() < 0.2) {
                Theme other = THEMES.get(random.nextInt(THEMES.size()));
                categories.add(other.categories().get(random.nextInt(other.categories().size())));
            }
            // Real exports write "A,B"; some tools add a space after the comma.
            String list = String.join(o % 7 == 0 ? ", " : ",", categories);
            int potential = random.nextDouble() < 0.15 ? 0 : 1 + random.nextInt(MAX_ROUNDS);
            String[] stems = {"Nova", "Lumio", "Quantix", "Verda", "Axelo", "Brightwave", "Cobalto", "Datara", "Elevio",
                "Fluxor", "Greenlytics", "Helix", "Innova", "Joule", "Kinetik", "Lattice", "Mosaiq", "Nimbus"};
            String name = stems[random.nextInt(stems.length)] + " " + Integer.toString(o, 36).toUpperCase();
            return new Organization(o, uuid(o, 0, SALT_UUID), name, country, List.copyOf(categories), list,
                    theme.group(), 1995 + random.nextInt(26), potential);
        }

        private Round round(long cell) {
            SplittableRandom random = SeededHash.random(history.baseSeed(), cell, 0, SALT_ROUND);
            double toss = random.nextDouble() * totalTypeWeight;
            String type = INVESTMENT_TYPES.get(INVESTMENT_TYPES.size() - 1);
            for (int t = 0; t < INVESTMENT_WEIGHTS.length; t++) {
                toss -= INVESTMENT_WEIGHTS[t];
                if (toss < 0) {
                    type = INVESTMENT_TYPES.get(t);
                    break;
                }
            }
            int year = FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
            String date = String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            return new Round(uuid(cell, 1, SALT_UUID), type, date);
        }

        /** The amount of a round's version: some rounds have none at first; a revision always states one. */
        private String amount(long cell, int version) {
            SplittableRandom random = SeededHash.random(history.baseSeed(), cell, version, SALT_AMOUNT);
            if (version == 0 && random.nextDouble() < 0.2) {
                return "";
            }
            return Long.toString(Math.round(Math.exp(11 + 2.5 * random.nextDouble() + random.nextGaussian())));
        }

        private boolean publishable(long cell) {
            Kind kind = kind(cell);
            return kind == Kind.NORMAL || kind == Kind.REPEATED;
        }

        /** Writes a round's rows; whether it is published. */
        private boolean writeRound(TableWriter rounds, Organization organization, long cell, int version)
                throws IOException {
            Round round = round(cell);
            Kind kind = kind(cell);
            String type = kind == Kind.BLANK_TYPE ? "" : round.investmentType();
            // February 30th: a date an export tool let through.
            String date = kind == Kind.BAD_DATE ? round.announcedOn().substring(0, 4) + "-02-30" : round.announcedOn();
            String amount = amount(cell, version);
            writeRoundRow(rounds, round.uuid(), organization.uuid(), organization, type, date, amount);
            switch (kind) {
                case BAD_DATE -> add("rounds.bad_date", 1);
                case BLANK_TYPE -> add("rounds.blank_type", 1);
                default -> {
                    add("rounds.published", 1);
                    if (organization.country() == null) {
                        add("rounds.published.blank_country", 1);
                    } else {
                        add("keys." + organization.country().alpha2(), 1);
                    }
                }
            }
            if (kind == Kind.REPEATED) {
                writeRoundRow(rounds, round.uuid(), organization.uuid(), organization, type, date, "1");
                add("rounds.repeated", 1);
            }
            return publishable(cell);
        }

        /** A round whose organization the export does not hold. */
        private void writeOrphan(TableWriter rounds, int o) throws IOException {
            Organization ghost = new Organization(-1, uuid(o, 2, SALT_UUID), "Acquired Ghost " + o, COUNTRIES.get(0),
                    List.of(), "", "", 2000, 1);
            writeRoundRow(rounds, uuid(o, 3, SALT_UUID), ghost.uuid(), ghost, "seed", "2019-05-05", "500000");
            add("rounds.orphan", 1);
        }

        private void writeRoundRow(TableWriter rounds, String uuid, String orgUuid, Organization organization,
                String type, String date, String amount) throws IOException {
            String countryCode = organization.country() == null ? "" : organization.country().alpha3();
            String label = type.isEmpty() ? "Funding Round" : capitalise(type.replace('_', ' '));
            rounds.row(uuid, label + " - " + organization.name(), "funding_round", "permalink-" + uuid.substring(0, 8),
                    "https://www.crunchbase.com/funding_round/" + uuid.substring(0, 8), "", "2023-01-01 00:00:00",
                    "2024-06-01 00:00:00", countryCode, "", "", "", type, date, amount, amount, amount.isEmpty() ? "" : "USD",
                    "", "", "", 1 + Math.abs(uuid.hashCode()) % 6, orgUuid, organization.name(), "");
        }

        private void writeOrganization(TableWriter organizations, Organization organization) throws IOException {
            String countryCode = organization.country() == null ? "" : organization.country().alpha3();
            String description = organization.name() + " builds " + organization.categories().get(0).toLowerCase()
                    + " products, services and platforms" + (organization.index() % 50 == 0
                            ? ".\nFounded by engineers, \"for engineers\"." : ".");
            organizations.row(organization.uuid(), organization.name(), "organization",
                    "org-" + organization.uuid().substring(0, 8), "https://www.crunchbase.com/organization/"
                            + organization.uuid().substring(0, 8), organization.index() + 1, "2015-01-01 00:00:00",
                    "2024-06-01 00:00:00", organization.name() + " Ltd", "company", "", "", countryCode, "", "", "", "", "",
                    "operating", description, organization.categoryList(), organization.groups(),
                    organization.potentialRounds(), "", "", "", organization.foundedYear() + "-01-01", "", "", "c_00011_00050",
                    "", "", "", "", "", "", "", "", "", "company", "");
        }

        private void countRevision(long cell, CellState before, CellState now) {
            countKey(before.present() && publishable(cell), now.present() && publishable(cell),
                    () -> amount(cell, before.version()).equals(amount(cell, now.version())));
        }

        private Country weightedCountry(double toss) {
            for (Country country : COUNTRIES) {
                toss -= country.weight();
                if (toss < 0) {
                    return country;
                }
            }
            return COUNTRIES.get(0);
        }

        /** A uuid-shaped identifier, a pure function of the seed and its owner. */
        private String uuid(long owner, int kind, long salt) {
            long high = SeededHash.hash(history.baseSeed(), owner, kind, salt);
            long low = SeededHash.hash(history.baseSeed(), owner, kind, salt + 1);
            String hex = String.format("%016x%016x", high, low);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                    + hex.substring(17, 20) + "-" + hex.substring(20, 32);
        }
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
