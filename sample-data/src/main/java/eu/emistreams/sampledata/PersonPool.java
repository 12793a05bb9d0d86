package eu.emistreams.sampledata;

import eu.emistreams.sampledata.PatstatVocabulary.Country;
import eu.emistreams.sampledata.PatstatVocabulary.JunkCountry;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The persons of tls206, a fixed pool shared by every release of one generator history. Persons
 * are laid out in one contiguous block per country (block size proportional to the country's
 * weight, at least two), so an application picks applicants of its home country by index
 * arithmetic and nothing is held per person. A few persons carry junk country codes.
 */
final class PersonPool {

    static final long PERSON_ID_BASE = 50_000_000L;
    /** person_id values that tls206 never holds: tls207 rows naming them are orphans. */
    static final long MISSING_PERSON_ID_BASE = 49_000_000L;

    private static final long SALT_NAME = 11;

    private final long seed;
    private final int size;
    private final int[] blockStart;
    private final int junkPerKind;
    private final int junkStride;

    PersonPool(long seed, int size, int junkPerKind) {
        List<Country> countries = PatstatVocabulary.COUNTRIES;
        int minimum = 2 * countries.size();
        if (size < minimum) {
            throw new IllegalArgumentException("a person pool needs at least " + minimum + " persons");
        }
        this.seed = seed;
        this.size = size;
        double total = countries.stream().mapToDouble(Country::weight).sum();
        int spare = size - minimum;
        blockStart = new int[countries.size() + 1];
        int start = 0;
        for (int i = 0; i < countries.size(); i++) {
            blockStart[i] = start;
            start += 2 + (int) Math.floor(spare * countries.get(i).weight() / total);
        }
        // Rounding leaves a few persons over: they go to the last block.
        blockStart[countries.size()] = size;
        int junkKinds = PatstatVocabulary.JUNK_COUNTRIES.size();
        this.junkPerKind = Math.min(junkPerKind, size / (2 * junkKinds));
        this.junkStride = size / Math.max(1, junkKinds * this.junkPerKind);
    }

    int size() {
        return size;
    }

    int junkPerKind() {
        return junkPerKind;
    }

    long personId(int index) {
        return PERSON_ID_BASE + index;
    }

    int countryOf(int index) {
        int low = 0;
        int high = PatstatVocabulary.COUNTRIES.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (blockStart[mid] <= index) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** A person of the given country, uniformly within its block. */
    int pick(SplittableRandom random, int country) {
        int from = blockStart[country];
        int to = blockStart[country + 1];
        return from + random.nextInt(to - from);
    }

    /** The junk code this person carries, or null when its code is the clean country code. */
    JunkCountry junk(int index) {
        if (junkPerKind == 0 || index % junkStride != junkStride / 2) {
            return null;
        }
        int ordinal = index / junkStride;
        int kinds = PatstatVocabulary.JUNK_COUNTRIES.size();
        if (ordinal >= kinds * junkPerKind) {
            return null;
        }
        return PatstatVocabulary.JUNK_COUNTRIES.get(ordinal % kinds);
    }

    String rawCountryCode(int index) {
        JunkCountry junk = junk(index);
        return junk != null ? junk.raw() : PatstatVocabulary.COUNTRIES.get(countryOf(index)).code();
    }

    /** The country a correct normaliser derives from the raw code (ZZ for junk). */
    String normalisedCountry(int index) {
        JunkCountry junk = junk(index);
        return junk != null ? junk.normalised() : PatstatVocabulary.COUNTRIES.get(countryOf(index)).code();
    }

    boolean individual(int index) {
        return SeededHash.unit(SeededHash.hash(seed, index, 0, SALT_NAME)) < 0.12;
    }

    String name(int index) {
        SplittableRandom random = SeededHash.random(seed, index, 1, SALT_NAME);
        Country country = PatstatVocabulary.COUNTRIES.get(countryOf(index));
        if (individual(index)) {
            // Individuals are written "SURNAME, Given" in PATSTAT: a comma inside the field.
            String surname = PatstatVocabulary.pick(random, country.stems()).toUpperCase(java.util.Locale.ROOT);
            return surname + ", " + PatstatVocabulary.pick(random, List.of("Anna", "Jan", "Marie", "Lars", "José", "Zoë", "Björn", "Ana"));
        }
        String stem = random.nextDouble() < 0.6
                ? PatstatVocabulary.pick(random, country.stems())
                : PatstatVocabulary.pick(random, PatstatVocabulary.COMMON_STEMS) + " " + PatstatVocabulary.pick(random, country.stems());
        String suffix = random.nextDouble() < 0.15 ? " \"" + (index % 97) + "\" Technologies" : "";
        return stem + suffix + " " + PatstatVocabulary.pick(random, country.legalForms());
    }

    String sector(int index) {
        if (individual(index)) {
            return "INDIVIDUAL";
        }
        return index % 13 == 0 ? "UNIVERSITY" : "COMPANY";
    }
}
