package eu.emistreams.query.api;

import eu.emistreams.query.serving.MalformedParameterException;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.TreeSet;

/** Checks of the query string that are about HTTP rather than indicators. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A misspelt filter ({@code contry=BE}) would silently answer everything: refuse it instead. */
    public static void requireOnly(UriInfo uri, Set<String> accepted) {
        Set<String> unknown = new TreeSet<>(uri.getQueryParameters().keySet());
        unknown.removeAll(accepted);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new MalformedParameterException(first,
                    "unknown query parameter " + unknown + "; the parameters are " + new TreeSet<>(accepted));
        }
    }
}
