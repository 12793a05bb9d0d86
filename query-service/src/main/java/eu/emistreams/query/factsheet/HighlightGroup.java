package eu.emistreams.query.factsheet;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** One heading of the key highlights and its sentences. */
@TemplateData
public record HighlightGroup(String heading, List<Sentence> sentences) {

    public HighlightGroup {
        sentences = List.copyOf(sentences);
    }
}
