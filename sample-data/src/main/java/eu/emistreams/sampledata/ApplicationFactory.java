package eu.emistreams.sampledata;

import eu.emistreams.sampledata.PatstatVocabulary.Country;
import eu.emistreams.sampledata.PatstatVocabulary.Theme;
import eu.emistreams.sampledata.ReleaseHistory.SlotState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the content of one application slot in one version. The content is a pure function of
 * (seed, slot, version): an unchanged application comes out identical in every release.
 */
final class ApplicationFactory {

    static final long APPLN_ID_BASE = 300_000_000L;
    /** appln_id values that tls201 never holds: rows naming them are orphans. */
    static final long MISSING_APPLN_ID_BASE = 299_000_000L;
    static final int FIRST_YEAR = 2010;
    static final int LAST_YEAR = 2020;
    static final int UNKNOWN_YEAR = 9999;

    private static final long SALT_CONTENT = 13;
    private static final long SALT_YEAR = 17;
    private static final long SALT_NOISE_YEAR = 19;

    /** One application as its rows will be written. Person references are pool indices. */
    record Application(long slot, long applnId, ApplicationKind kind, int earliestYear, int filingYear,
            String filingDate, String applnNr, long internatApplnId, long familyId, int[] applicants,
            int[] inventors, List<String> ipcSymbols, String titleLanguage, String title,
            String abstractLanguage, String abstractText) {

        boolean publishable() {
            return kind.transnational && earliestYear != UNKNOWN_YEAR;
        }

        boolean unknownYearTransnational() {
            return kind.transnational && earliestYear == UNKNOWN_YEAR;
        }
    }

    private final long seed;
    private final PersonPool persons;
    private final Set<Long> unknownYearSlots;
    private final Set<Long> messyTitleSlots;

    ApplicationFactory(long seed, PersonPool persons, Set<Long> unknownYearSlots, Set<Long> messyTitleSlots) {
        this.seed = seed;
        this.persons = persons;
        this.unknownYearSlots = unknownYearSlots;
        this.messyTitleSlots = messyTitleSlots;
    }

    static long applnId(long slot) {
        return APPLN_ID_BASE + slot;
    }

    /** Whether the slot's application in this state is a WO or direct EP filing with a known year. */
    boolean publishable(long slot, SlotState state) {
        return ApplicationKind.of(seed, slot).transnational
                && !(state.changes() == 0 && unknownYearSlots.contains(slot));
    }

    Application build(long slot, SlotState state) {
        ApplicationKind kind = ApplicationKind.of(seed, slot);
        SplittableRandom random = SeededHash.random(seed, slot, state.version(), SALT_CONTENT);
        int earliestYear = earliestYear(slot, kind, state);
        int filingYear = earliestYear == UNKNOWN_YEAR
                ? FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1)
                : earliestYear + (random.nextDouble() < 0.55 ? 1 : 0);
        String filingDate = String.format("%d-%02d-%02d", filingYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
        long applnId = applnId(slot);
        long internat = kind == ApplicationKind.EP_EURO_PCT
                ? applnId(Math.max(0, slot - 1 - random.nextInt(50))) + (slot == 0 ? 7 : 0)
                : 0L;

        int home = homeCountry(random, kind);
        int applicantCount = weightedIndex(random, new double[] {0.04, 0.50, 0.25, 0.12, 0.06, 0.03});
        int inventorCount = weightedIndex(random, new double[] {0.10, 0.30, 0.30, 0.30});
        List<Integer> chosen = new ArrayList<>();
        int[] applicants = pickPersons(random, home, applicantCount, chosen, 0.15);
        int[] inventors = pickPersons(random, home, inventorCount, chosen, 0.05);

        Theme theme = PatstatVocabulary.pickTheme(random);
        List<String> ipc = new ArrayList<>();
        int ipcCount = new int[] {1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8}[random.nextInt(12)];
        for (int i = 0; i < ipcCount; i++) {
            Theme from = random.nextDouble() < 0.7 ? theme : PatstatVocabulary.pickTheme(random);
            ipc.add(PatstatVocabulary.padIpc(PatstatVocabulary.pick(random, from.ipcGroups())));
        }

        String country = PatstatVocabulary.COUNTRIES.get(home).code();
        String titleLanguage = null;
        String title = null;
        if (messyTitleSlots.contains(slot)) {
            String[] messy = PatstatVocabulary.MESSY_TITLES.get((int) (slot % PatstatVocabulary.MESSY_TITLES.size()));
            titleLanguage = messy[0];
            title = messy[1];
        } else if (random.nextDouble() < 0.97) {
            titleLanguage = titleLanguage(random, kind, country);
            title = title(random, titleLanguage, theme);
        }
        String abstractLanguage = null;
        String abstractText = null;
        if (random.nextDouble() < 0.7) {
            abstractLanguage = "en";
            abstractText = abstractText(random, theme);
        }
        return new Application(slot, applnId, kind, earliestYear, filingYear, filingDate,
                applnNr(kind, filingYear, slot), internat, 500_000_000L + slot, applicants, inventors,
                List.copyOf(ipc), titleLanguage, title, abstractLanguage, abstractText);
    }

    /**
     * Version 0 keeps the year drawn for the slot (9999 for the chosen unknown-year slots); each
     * change moves it one year on, cyclically, so a changed application always differs.
     */
    private int earliestYear(long slot, ApplicationKind kind, SlotState state) {
        if (state.changes() == 0) {
            if (unknownYearSlots.contains(slot)) {
                return UNKNOWN_YEAR;
            }
            if (!kind.transnational && SeededHash.unit(SeededHash.hash(seed, slot, 0, SALT_NOISE_YEAR)) < 0.01) {
                return UNKNOWN_YEAR;
            }
        }
        SplittableRandom yearRandom = SeededHash.random(seed, slot, 0, SALT_YEAR);
        // Transnational filings grew over the decade: later years weigh a little more.
        double[] weights = new double[LAST_YEAR - FIRST_YEAR + 1];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 + 0.05 * i;
        }
        int base = weightedIndex(yearRandom, weights);
        return FIRST_YEAR + (base + state.changes()) % weights.length;
    }

    private static int homeCountry(SplittableRandom random, ApplicationKind kind) {
        if (kind.nationalCountry != null && random.nextDouble() < 0.7) {
            return PatstatVocabulary.countryIndex(kind.nationalCountry);
        }
        return PatstatVocabulary.pickCountry(random);
    }

    /** Distinct persons: tls207's key is (person_id, appln_id), so a person appears once per application. */
    private int[] pickPersons(SplittableRandom random, int home, int count, List<Integer> chosen, double foreignShare) {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int attempt = 0; attempt < 10; attempt++) {
                int country = random.nextDouble() < foreignShare ? PatstatVocabulary.pickCountry(random) : home;
                int person = persons.pick(random, country);
                if (!chosen.contains(person)) {
                    chosen.add(person);
                    picked.add(person);
                    break;
                }
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String titleLanguage(SplittableRandom random, ApplicationKind kind, String country) {
        if (kind == ApplicationKind.CN || country.equals("CN") && random.nextDouble() < 0.2) {
            return random.nextDouble() < 0.8 ? "zh" : "en";
        }
        Country home = PatstatVocabulary.COUNTRIES.get(PatstatVocabulary.countryIndex(country));
        if (!home.language().equals("en") && !home.language().equals("zh") && random.nextDouble() < 0.25) {
            return home.language();
        }
        return "en";
    }

    private static String title(SplittableRandom random, String language, Theme theme) {
        switch (language) {
            case "de":
                return PatstatVocabulary.pick(random, PatstatVocabulary.GERMAN_TITLES);
            case "fr":
                return PatstatVocabulary.pick(random, PatstatVocabulary.FRENCH_TITLES);
            case "zh":
                return PatstatVocabulary.pick(random, PatstatVocabulary.CHINESE_TITLES);
            default:
                break;
        }
        StringBuilder title = new StringBuilder()
                .append(PatstatVocabulary.pick(random, PatstatVocabulary.TITLE_OPENINGS)).append(' ')
                .append(PatstatVocabulary.pick(random, PatstatVocabulary.TITLE_PURPOSES)).append(' ')
                .append(PatstatVocabulary.withArticle(PatstatVocabulary.pick(random, theme.objects())));
        if (!theme.keywords().isEmpty() && random.nextDouble() < 0.5) {
            title.append(PatstatVocabulary.pick(random, List.of(" using ", " for ", " comprising ", ", in particular ")))
                    .append(PatstatVocabulary.withArticle(PatstatVocabulary.pick(random, theme.keywords())));
        }
        return title.toString();
    }

    private static String abstractText(SplittableRandom random, Theme theme) {
        StringBuilder text = new StringBuilder("The invention relates to ")
                .append(PatstatVocabulary.withArticle(PatstatVocabulary.pick(random, theme.objects()))).append('.');
        if (!theme.keywords().isEmpty() && random.nextDouble() < 0.6) {
            String keyword = PatstatVocabulary.withArticle(PatstatVocabulary.pick(random, theme.keywords()));
            text.append(' ').append(Character.toUpperCase(keyword.charAt(0))).append(keyword.substring(1))
                    .append(" is arranged so that losses, cost and weight are reduced.");
        }
        if (random.nextDouble() < 0.3) {
            text.append(" The so-called \"")
                    .append(PatstatVocabulary.pick(random, theme.objects()))
                    .append("\" is optional.");
        }
        return text.toString();
    }

    private static String applnNr(ApplicationKind kind, int filingYear, long slot) {
        long serial = slot % 1_000_000;
        return switch (kind) {
            case WO -> String.format("EP%d%06d", filingYear, serial);
            case EP_DIRECT, EP_EURO_PCT -> String.format("%02d%06d", filingYear % 100, serial);
            default -> String.format("%d%07d", filingYear, serial);
        };
    }

    private static int weightedIndex(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
