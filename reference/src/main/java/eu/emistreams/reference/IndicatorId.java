package eu.emistreams.reference;

/** What one indicator value is of: the key of every indicator topic and of the query API's answers. */
public record IndicatorId(String indicator, String country, String code, int year) implements Comparable<IndicatorId> {

    @Override
    public int compareTo(IndicatorId other) {
        int byIndicator = indicator.compareTo(other.indicator);
        if (byIndicator != 0) {
            return byIndicator;
        }
        int byYear = Integer.compare(year, other.year);
        if (byYear != 0) {
            return byYear;
        }
        int byCode = code.compareTo(other.code);
        return byCode != 0 ? byCode : country.compareTo(other.country);
    }

    @Override
    public String toString() {
        return indicator + "/" + country + "/" + code + "/" + year;
    }
}
