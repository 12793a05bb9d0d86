package eu.emistreams.query.serving;

import eu.emistreams.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which patent priority years are provisional (issue 15). PATSTAT publishes an application about 18
 * months after its priority date, so in every release the most recent priority years are incomplete.
 *
 * <p>The rule: Y, the latest priority year in which any counted application has a weight, that is the
 * latest year with a {@code patent.count} value above 0 of any country ({@code ZZ} included), makes the
 * years Y - n + 1 ... Y provisional, n = {@code emi.query.provisional-years} (default 2: Y and Y - 1);
 * 0 makes no year provisional. Y is read from the indicators the service holds, not from a release
 * name or the calendar, so it is that of the release ingested last once the pipeline is settled (while a
 * release is being ingested it follows the values published so far). Year 0 (a total over years) is no
 * priority year.
 */
@ApplicationScoped
public class ProvisionalYears {

    /** How long a latest year computed with the help of other instances is reused. */
    static final long REMOTE_REUSE_NANOS = 1_000_000_000L;

    static final String COUNT = "patent.count";

    @Inject
    InteractiveQueries queries;

    @Inject
    StoreGeneration generation;

    @Inject
    QueryConfig config;

    private record Known(long generation, boolean local, long computedAt, OptionalInt latest) {
    }

    private volatile Known known;

    /** The rule on its own: the provisional years given the latest priority year and n. */
    public static SortedSet<Integer> of(OptionalInt latestYear, int count) {
        SortedSet<Integer> years = new TreeSet<>();
        if (latestYear.isEmpty() || count <= 0) {
            return years;
        }
        int latest = latestYear.getAsInt();
        for (int year = latest; year > latest - count && year > 0; year--) {
            years.add(year);
        }
        return years;
    }

    /** The latest priority year with a counted application among {@code patent.count} rows. */
    public static OptionalInt latestCountedYear(Collection<IndicatorRow> rows) {
        return rows.stream()
                .filter(row -> row.indicator().equals(COUNT) && row.year() > 0 && row.value() > 0)
                .mapToInt(IndicatorRow::year)
                .max();
    }

    /** Whether a row is a patent value (the only family the flag concerns). */
    public static boolean isPatent(String indicator) {
        return indicator.startsWith("patent.");
    }

    /** The provisional years now, from every instance's {@code patent.count} values. */
    public SortedSet<Integer> current() {
        return of(latestYear(), config.provisionalYears());
    }

    /**
     * The latest counted priority year. Computed under the current store generation and kept while it
     * holds when this instance holds every partition; with several instances, kept for a second.
     */
    public OptionalInt latestYear() {
        if (config.provisionalYears() <= 0) {
            return OptionalInt.empty();
        }
        long seen = generation.current();
        Known last = known;
        if (last != null && (last.local() ? last.generation() == seen
                : System.nanoTime() - last.computedAt() < REMOTE_REUSE_NANOS)) {
            return last.latest();
        }
        InteractiveQueries.IndicatorAnswer answer = queries.indicatorAnswer(
                IndicatorFilter.parse(List.of(COUNT), null, null, null));
        OptionalInt latest = latestCountedYear(answer.rows());
        known = new Known(seen, answer.fromThisInstanceOnly(), System.nanoTime(), latest);
        return latest;
    }
}
