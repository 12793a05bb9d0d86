package eu.emistreams.classifier.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a concordance file (indicators.md §2): RFC 4180 CSV with exactly the header
 * {@code scheme,pattern,dimension,code}. A file with any bad line is refused whole; the exception
 * names every refused line. Blank lines are skipped and a leading byte-order mark is ignored.
 */
public final class ConcordanceParser {

    public static final List<String> HEADER = List.of("scheme", "pattern", "dimension", "code");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .get();

    private ConcordanceParser() {
    }

    public static RuleSet parse(String name, Reader reader) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int read; (read = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(name, text.toString());
    }

    /**
     * @throws MalformedConcordanceException when the header, the CSV syntax or any rule is wrong
     */
    public static RuleSet parse(String name, String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LineIndex lines = new LineIndex(content);
        List<RawRule> rawRules = new ArrayList<>();
        List<ConcordanceProblem> problems = new ArrayList<>();
        boolean headerSeen = false;
        // Over a StringReader there is nothing to close.
        CSVParser parser = open(content);
        try {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a line of spaces is as blank as an empty one
                }
                long line = lines.lineOf(lines.skipLineBreaks(record.getCharacterPosition()));
                if (!headerSeen) {
                    headerSeen = true;
                    if (!HEADER.equals(stripped(record))) {
                        throw new MalformedConcordanceException(List.of(new ConcordanceProblem(line,
                                "the header must be exactly " + String.join(",", HEADER) + ", found "
                                        + String.join(",", record.toList()))));
                    }
                    continue;
                }
                if (record.size() != HEADER.size()) {
                    addProblem(problems, new ConcordanceProblem(line, "expected 4 fields ("
                            + String.join(",", HEADER) + "), found " + record.size()));
                    continue;
                }
                rawRules.add(new RawRule(line, record.get(0), record.get(1), record.get(2), record.get(3)));
            }
        } catch (UncheckedIOException e) {
            // commons-csv reports broken quoting this way; nothing after it can be trusted. Its
            // current line is where it gave up.
            headerSeen = true;
            addProblem(problems, new ConcordanceProblem(parser.getCurrentLineNumber(),
                    "malformed CSV: " + rootMessage(e)));
        }
        if (!headerSeen) {
            throw new MalformedConcordanceException(List.of(new ConcordanceProblem(1,
                    "the file is empty; the header must be exactly " + String.join(",", HEADER))));
        }
        if (problems.isEmpty()) {
            return RuleSet.validate(name, rawRules);
        }
        // Some lines were refused before validation: report them together with the refused rules.
        List<ConcordanceProblem> all = new ArrayList<>(problems);
        try {
            RuleSet.validate(name, rawRules);
        } catch (MalformedConcordanceException e) {
            e.problems().stream().filter(p -> !RuleSet.NO_RULE.equals(p.reason())).forEach(p -> addProblem(all, p));
        }
        all.sort(Comparator.comparingLong(ConcordanceProblem::line));
        throw new MalformedConcordanceException(all);
    }

    private static CSVParser open(String content) {
        try {
            return CSVParser.builder().setReader(new StringReader(content)).setFormat(FORMAT).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addProblem(List<ConcordanceProblem> problems, ConcordanceProblem problem) {
        if (problems.size() < MalformedConcordanceException.MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static List<String> stripped(CSVRecord record) {
        return record.stream().map(String::strip).toList();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Maps a character position of the text to its 1-based line number. */
    private static final class LineIndex {
        private final String text;
        private final int[] lineStarts;

        LineIndex(String text) {
            this.text = text;
            int[] starts = new int[16];
            int count = 0;
            starts[count++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
                if (lineBreak && i + 1 < text.length()) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            this.lineStarts = Arrays.copyOf(starts, count);
        }

        /**
         * The position of the first character of a record: commons-csv reports the position where it
         * started reading, before the empty lines it skipped.
         */
        long skipLineBreaks(long position) {
            int i = (int) position;
            while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
                i++;
            }
            return i;
        }

        long lineOf(long position) {
            int index = Arrays.binarySearch(lineStarts, (int) position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
