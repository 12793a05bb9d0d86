package eu.emistreams.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class Rfc4180ReaderTest {

    /** The reading this reader must agree with: commons-csv's RFC 4180, empty lines kept. */
    private static final CSVFormat REFERENCE = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    @Test
    void splitsFieldsQuotesAndLineEnds() throws IOException {
        assertEquals(List.of(
                        List.of("a", "b,c", "say \"hi\""),
                        List.of(""),
                        List.of("", ""),
                        List.of("x\r\ny", "z"),
                        List.of("quote\"inside", "q"),
                        List.of("last", "")),
                read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\n,\r\"x\r\ny\"  ,z\nquote\"inside,q\nlast,"));
    }

    @Test
    void countsThePhysicalLineOfEachRecord() throws IOException {
        Rfc4180Reader reader = new Rfc4180Reader(new StringReader("h\r\n\"two\nlines\"\r\nthree\rfour\n"), 4);
        List<Long> lines = new ArrayList<>();
        for (long line = reader.nextRecordLine(); reader.next() != null; line = reader.nextRecordLine()) {
            lines.add(line);
        }
        assertEquals(List.of(1L, 2L, 4L, 5L), lines);
    }

    @Test
    void refusesAQuotedFieldLeftOpenAtTheEndNamingTheLine() throws IOException {
        Rfc4180Reader reader = new Rfc4180Reader(new StringReader("a,b\n1,2\n3,\"open\nfield,4\n"));
        reader.next();
        reader.next();
        IOException e = assertThrows(IOException.class, reader::next);
        assertEquals("the quoted field opened on line 3 is not closed before the end of the file", e.getMessage());
    }

    @Test
    void refusesTextAfterAClosingQuote() throws IOException {
        Rfc4180Reader reader = new Rfc4180Reader(new StringReader("\"closed\"x,1\n"));
        IOException e = assertThrows(IOException.class, reader::next);
        assertTrue(e.getMessage().startsWith("text after the closing quote of a field on line 1"), e.getMessage());
    }

    @Test
    void endsWithoutARecordOnEmptyInput() throws IOException {
        assertNull(new Rfc4180Reader(new StringReader("")).next());
    }

    /**
     * Thousands of small inputs drawn from the characters that matter (comma, quote, CR, LF,
     * space, letters, a non-ASCII letter), read through buffers as small as one character: the
     * same records, lines and refusals as commons-csv.
     */
    @Test
    void readsGeneratedInputsAsCommonsCsvDoes() throws IOException {
        char[] alphabet = {',', '"', '"', '\r', '\n', ' ', 'a', 'b', 'ł', '\t'};
        Random random = new Random(4180);
        for (int sample = 0; sample < 20_000; sample++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String input = text.toString();
            int bufferSize = 1 + random.nextInt(8);
            assertEquals(reference(input), ours(input, bufferSize),
                    "input " + input.replace("\r", "\\r").replace("\n", "\\n") + " read with a buffer of " + bufferSize);
        }
    }

    private static List<List<String>> read(String input) throws IOException {
        List<List<String>> records = new ArrayList<>();
        Rfc4180Reader reader = new Rfc4180Reader(new StringReader(input), 3);
        for (String[] record = reader.next(); record != null; record = reader.next()) {
            records.add(List.of(record));
        }
        return records;
    }

    /** Records with their start lines, then "refused" when the reader stopped on an error. */
    private static List<String> ours(String input, int bufferSize) throws IOException {
        List<String> out = new ArrayList<>();
        Rfc4180Reader reader = new Rfc4180Reader(new StringReader(input), bufferSize);
        try {
            long line = reader.nextRecordLine();
            for (String[] record = reader.next(); record != null; record = reader.next()) {
                out.add(line + ":" + List.of(record));
                line = reader.nextRecordLine();
            }
        } catch (IOException e) {
            out.add("refused");
        }
        return out;
    }

    private static List<String> reference(String input) throws IOException {
        List<String> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(input)).setFormat(REFERENCE).get()) {
            var records = parser.iterator();
            long line = parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                out.add(line + ":" + List.of(record.values()));
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            out.add("refused");
        }
        return out;
    }
}
