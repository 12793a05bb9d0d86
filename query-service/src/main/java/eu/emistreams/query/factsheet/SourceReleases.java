package eu.emistreams.query.factsheet;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The releases and concordance versions named by the provenance of the values a figure shows. An
 * indicator unchanged by a newer release keeps the provenance of the release that last changed it,
 * so a figure may rest on several releases.
 */
public record SourceReleases(SortedSet<String> releases, SortedSet<String> concordanceVersions) {

    public static final SourceReleases NONE = new SourceReleases(new TreeSet<>(), new TreeSet<>());

    public SourceReleases {
        releases = Collections.unmodifiableSortedSet(new TreeSet<>(releases));
        concordanceVersions = Collections.unmodifiableSortedSet(new TreeSet<>(concordanceVersions));
    }
}
