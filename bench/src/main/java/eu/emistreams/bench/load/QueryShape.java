package eu.emistreams.bench.load;

import eu.emistreams.reference.EmiCodes;
import java.util.ArrayList;
import java.util.List;

/** What one request of the query load asks for; every request is about a single country. */
public enum QueryShape {

    /** One indicator of one country, every code and year: the data of one fact-sheet figure. */
    FIGURE("indicator=I&country=C"),
    /** Everything about one country: the data of a whole fact sheet. */
    COUNTRY("country=C"),
    /** One value: one indicator, country, code and year. */
    CELL("indicator=I&country=C&code=K&year=Y");

    static final List<String> INDICATORS =
            List.of("patent.count", "patent.country_share", "patent.world_share", "patent.eu27_rank");

    private final String query;

    QueryShape(String query) {
        this.query = query;
    }

    /** The query string, with I, C, K and Y for the indicator, country, code and year. */
    public String query() {
        return query;
    }

    /** Every request path of this shape over the EU27 countries and the given years. */
    public List<String> paths(List<Integer> years) {
        List<String> paths = new ArrayList<>();
        for (String country : EmiCodes.EU27) {
            switch (this) {
                case COUNTRY -> paths.add("/api/indicators?country=" + country);
                case FIGURE -> INDICATORS.forEach(indicator ->
                        paths.add("/api/indicators?indicator=" + indicator + "&country=" + country));
                case CELL -> {
                    for (String indicator : INDICATORS) {
                        for (String code : EmiCodes.ALL_CODES) {
                            for (int year : years) {
                                paths.add("/api/indicators?indicator=" + indicator + "&country=" + country + "&code="
                                        + code + "&year=" + year);
                            }
                        }
                    }
                }
            }
        }
        return paths;
    }
}
