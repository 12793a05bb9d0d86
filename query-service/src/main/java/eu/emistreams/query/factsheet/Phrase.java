package eu.emistreams.query.factsheet;

import io.quarkus.qute.TemplateData;

/** A run of text in a generated sentence; strong runs are the names the reference sets in bold. */
@TemplateData
public record Phrase(String text, boolean strong) {
}
