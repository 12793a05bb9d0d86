package eu.emistreams.ingest.patstat;

import com.carrotsearch.hppc.LongIntHashMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The tls206 persons of one release by person_id, for the applicant join (one lookup per tls207
 * row) and for counting tls206 rows by how their person was used.
 *
 * <p>Held in compact arrays while they fit in a memory budget, moved to the work store once they
 * do not. Held, a lookup is a hash probe; in the work store it is a RocksDB point read, which at a
 * million applications (1.45 M persons) missed the block cache and made two thirds of the
 * assembly's time (docs/benchmarks.md). The budget keeps a full PATSTAT (about 80 M persons) on
 * disk, where it always worked.
 */
final class Persons {

    /** Heap taken per held person besides its name: map slot, array entries and headroom. */
    static final int BYTES_PER_PERSON = 48;

    private static final VarHandle USES = MethodHandles.arrayElementVarHandle(byte[].class);

    private final WorkStore store;
    private final long budgetBytes;
    private long heldBytes;
    private boolean spilled;

    private LongIntHashMap indexById = new LongIntHashMap();
    private Map<String, String> countryInstances = new HashMap<>();
    private byte[] names = new byte[1 << 16];
    private int namesEnd;
    private int[] nameStart = new int[1024];
    private int[] nameLength = new int[1024];
    private String[] rawCountries = new String[1024];
    private byte[] uses = new byte[1024];
    private int size;

    /**
     * @param store where persons go once they pass the budget
     * @param budgetBytes heap the held persons may take; 0 keeps every person in the store
     */
    Persons(WorkStore store, long budgetBytes) {
        this.store = store;
        this.budgetBytes = budgetBytes;
        this.spilled = budgetBytes <= 0;
    }

    /** Whether persons are looked up in the work store rather than held. */
    boolean spilled() {
        return spilled;
    }

    /** Adds a person; false, adding nothing, when the person_id is already there. */
    boolean add(long personId, String name, String rawCountry) {
        if (spilled) {
            if (store.person(personId) != null) {
                return false;
            }
            store.putPerson(new StoredRows.Person(personId, name, rawCountry));
            return true;
        }
        if (indexById.containsKey(personId)) {
            return false;
        }
        byte[] encodedName = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
        heldBytes += BYTES_PER_PERSON + (encodedName == null ? 0 : encodedName.length);
        if (heldBytes > budgetBytes) {
            spill();
            store.putPerson(new StoredRows.Person(personId, name, rawCountry));
            return true;
        }
        hold(personId, encodedName, rawCountry);
        return true;
    }

    /** Whether tls206 has the person_id. Safe from several assembling threads. */
    boolean contains(long personId) {
        if (spilled) {
            synchronized (store) {
                return store.person(personId) != null;
            }
        }
        return indexById.containsKey(personId);
    }

    /** The person, or null when tls206 has no such person_id. Safe from several assembling threads. */
    StoredRows.Person get(long personId) {
        if (spilled) {
            synchronized (store) {
                return store.person(personId);
            }
        }
        int index = indexById.getOrDefault(personId, -1);
        return index < 0 ? null : new StoredRows.Person(personId, name(index), rawCountries[index]);
    }

    /**
     * Records that a person was used so; the highest use of a person counts. Safe from several
     * assembling threads: uses are bit flags, set with an atomic or.
     */
    void markUse(long personId, byte use) {
        if (spilled) {
            synchronized (store) {
                store.markPersonUse(personId, use);
            }
            return;
        }
        int index = indexById.getOrDefault(personId, -1);
        if (index >= 0 && (uses[index] & use) == 0) {
            USES.getAndBitwiseOr(uses, index, use);
        }
    }

    /** Receives each person's highest use, 0 for a person never used. */
    interface UseCounter {
        void person(byte highestUse);
    }

    /** Calls the counter once for every person. */
    void countUses(UseCounter counter) {
        if (spilled) {
            store.forEachPersonUse(counter);
            return;
        }
        for (int i = 0; i < size; i++) {
            counter.person(highest(uses[i]));
        }
    }

    private static byte highest(byte useFlags) {
        return (useFlags & WorkStore.USED_BY_PUBLISHED) != 0 ? WorkStore.USED_BY_PUBLISHED : useFlags;
    }

    private void hold(long personId, byte[] encodedName, String rawCountry) {
        if (size == nameStart.length) {
            int capacity = size * 2;
            nameStart = Arrays.copyOf(nameStart, capacity);
            nameLength = Arrays.copyOf(nameLength, capacity);
            rawCountries = Arrays.copyOf(rawCountries, capacity);
            uses = Arrays.copyOf(uses, capacity);
        }
        if (encodedName == null) {
            nameLength[size] = -1;
        } else {
            if (namesEnd + encodedName.length > names.length) {
                names = Arrays.copyOf(names, Math.max(names.length * 2, namesEnd + encodedName.length));
            }
            System.arraycopy(encodedName, 0, names, namesEnd, encodedName.length);
            nameStart[size] = namesEnd;
            nameLength[size] = encodedName.length;
            namesEnd += encodedName.length;
        }
        // A few hundred distinct codes: one String each rather than one per person.
        rawCountries[size] = rawCountry == null ? null : countryInstances.computeIfAbsent(rawCountry, code -> code);
        indexById.put(personId, size);
        size++;
    }

    private String name(int index) {
        int length = nameLength[index];
        return length < 0 ? null : new String(names, nameStart[index], length, StandardCharsets.UTF_8);
    }

    /** Moves every held person to the work store and looks up there from now on. */
    private void spill() {
        for (var entry : indexById) {
            int index = entry.value;
            store.putPerson(new StoredRows.Person(entry.key, name(index), rawCountries[index]));
        }
        spilled = true;
        indexById = null;
        countryInstances = null;
        names = null;
        nameStart = null;
        nameLength = null;
        rawCountries = null;
        uses = null;
        size = 0;
    }
}
