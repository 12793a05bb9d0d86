package eu.emistreams.query.factsheet;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/** A generated sentence, as runs of plain and strong text, so that the page can set names in bold. */
@TemplateData
public record Sentence(List<Phrase> phrases) {

    public Sentence {
        phrases = List.copyOf(phrases);
    }

    /** The sentence as plain text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        phrases.forEach(phrase -> text.append(phrase.text()));
        return text.toString();
    }

    /** The strong runs, in order. */
    public List<String> strongTexts() {
        return phrases.stream().filter(Phrase::strong).map(Phrase::text).toList();
    }

    @Override
    public String toString() {
        return text();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a sentence run by run. */
    public static final class Builder {

        private final List<Phrase> phrases = new ArrayList<>();

        public Builder text(String text) {
            if (!text.isEmpty()) {
                phrases.add(new Phrase(text, false));
            }
            return this;
        }

        public Builder strong(String text) {
            phrases.add(new Phrase(text, true));
            return this;
        }

        /** "A, B and C" with each name strong and the connectors plain. */
        public Builder strongNames(List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    text(i == names.size() - 1 ? " and " : ", ");
                }
                strong(names.get(i));
            }
            return this;
        }

        public Sentence build() {
            return new Sentence(phrases);
        }
    }
}
