package eu.emistreams.bench.batch;

import eu.emistreams.bench.BenchException;
import eu.emistreams.reference.EmiCodes;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A concordance file (indicators.md §2) read the way the classifier reads it: the same
 * normalisation of every scheme and the same version (the first 12 hex digits of the SHA-256 of
 * the sorted, distinct, normalised rule lines). The bench compares that version with the one the
 * running classifier reports, so the baseline provably classifies with the rules in force.
 */
public final class ConcordanceRules {

    static final List<String> HEADER = List.of("scheme", "pattern", "dimension", "code");
    private static final List<String> SCHEMES = List.of("IPC", "KEYWORD", "HS6", "PRODCOM8", "CB_CATEGORY");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern IPC_FORM = Pattern.compile("[A-H][0-9]{2}[A-Z](?:[1-9][0-9]{0,3}(?:/[0-9]{1,6})?)?");
    private static final Pattern HS6_FORM = Pattern.compile("[0-9]{1,6}");
    private static final Pattern PRODCOM8_FORM = Pattern.compile("[0-9]{1,8}");

    /** One normalised rule. */
    public record Rule(String scheme, String pattern, String dimension, String code) {
    }

    /**
     * An IPC rule split the way it matches: a subclass ({@code mainGroup} null), a main group
     * ({@code subgroupPrefix} empty) or a group.
     */
    public record IpcRule(String subclass, String mainGroup, String subgroupPrefix, String code) {
    }

    /** A keyword rule with the first word of its phrase, the only word of a text where it can start. */
    public record KeywordRule(String phrase, String firstWord, String code) {
    }

    private final List<Rule> rules;
    private final String version;

    private ConcordanceRules(List<Rule> rules) {
        this.rules = List.copyOf(new LinkedHashSet<>(rules));
        this.version = versionOf(this.rules);
    }

    public static ConcordanceRules read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException("cannot read the concordance " + file + ": " + e.getMessage(), e);
        }
    }

    public static ConcordanceRules parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Rule> rules = new ArrayList<>();
        boolean headerSeen = false;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(content))
                .setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()).get()) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                List<String> fields = record.stream().map(String::strip).toList();
                if (!headerSeen) {
                    headerSeen = true;
                    if (!HEADER.equals(fields)) {
                        throw new BenchException("concordance: the header must be " + String.join(",", HEADER));
                    }
                    continue;
                }
                if (fields.size() != HEADER.size()) {
                    throw new BenchException("concordance line " + record.getRecordNumber() + ": expected 4 fields");
                }
                rules.add(normalise(record.get(0), record.get(1), record.get(2), record.get(3)));
            }
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new BenchException("concordance: " + e.getMessage(), e);
        }
        if (rules.isEmpty()) {
            throw new BenchException("the concordance holds no rule");
        }
        return new ConcordanceRules(rules);
    }

    static Rule normalise(String rawScheme, String rawPattern, String rawDimension, String rawCode) {
        String scheme = rawScheme.strip();
        String dimension = rawDimension.strip();
        String code = rawCode.strip();
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("unknown scheme " + scheme);
        }
        if (!dimension.equals(EmiCodes.dimensionOf(code))) {
            throw new IllegalArgumentException("code " + code + " is not a code of dimension " + dimension);
        }
        String pattern = switch (scheme) {
            case "IPC" -> {
                String ipc = WHITESPACE.matcher(rawPattern).replaceAll("");
                if (!IPC_FORM.matcher(ipc).matches()) {
                    throw new IllegalArgumentException("malformed IPC pattern " + rawPattern.strip());
                }
                yield ipc;
            }
            case "KEYWORD" -> keyword(rawPattern.strip());
            case "HS6" -> digits(rawPattern.strip(), HS6_FORM, "HS6");
            case "PRODCOM8" -> digits(rawPattern.strip().replace(".", ""), PRODCOM8_FORM, "PRODCOM8");
            default -> {
                String category = rawPattern.strip();
                if (category.isEmpty()) {
                    throw new IllegalArgumentException("empty CB_CATEGORY");
                }
                yield category;
            }
        };
        return new Rule(scheme, pattern, dimension, code);
    }

    private static String keyword(String phrase) {
        if (phrase.isEmpty() || !isWordChar(phrase.charAt(0)) || !isWordChar(phrase.charAt(phrase.length() - 1))) {
            throw new IllegalArgumentException("KEYWORD must start and end with a letter or digit: " + phrase);
        }
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (c < 0x20 || c > 0x7e || (c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("KEYWORD must be printable lower-case ASCII: " + phrase);
            }
        }
        return phrase;
    }

    private static String digits(String value, Pattern form, String scheme) {
        if (!form.matcher(value).matches()) {
            throw new IllegalArgumentException("malformed " + scheme + " pattern " + value);
        }
        return value;
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static String versionOf(List<Rule> rules) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : rules) {
            lines.add(CSVFormat.DEFAULT.format(rule.scheme(), rule.pattern(), rule.dimension(), rule.code()));
        }
        lines.sort(null);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The version the classifier computes for the same rules. */
    public String version() {
        return version;
    }

    public List<IpcRule> ipcRules() {
        List<IpcRule> ipc = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.scheme().equals("IPC")) {
                String pattern = rule.pattern();
                String subclass = pattern.substring(0, 4);
                if (pattern.length() == 4) {
                    ipc.add(new IpcRule(subclass, null, "", rule.code()));
                } else {
                    int slash = pattern.indexOf('/');
                    ipc.add(new IpcRule(subclass, slash < 0 ? pattern.substring(4) : pattern.substring(4, slash),
                            slash < 0 ? "" : pattern.substring(slash + 1), rule.code()));
                }
            }
        }
        return ipc;
    }

    public List<KeywordRule> keywordRules() {
        List<KeywordRule> keywords = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.scheme().equals("KEYWORD")) {
                String phrase = rule.pattern();
                int end = 0;
                while (end < phrase.length() && isWordChar(phrase.charAt(end))) {
                    end++;
                }
                keywords.add(new KeywordRule(phrase, phrase.substring(0, end), rule.code()));
            }
        }
        return keywords;
    }

    /**
     * A symbol that the first IPC rule of the file matches, with that rule's code: what the
     * event-latency probe files its application under.
     */
    public IpcRule firstIpcRule() {
        return ipcRules().stream().findFirst()
                .orElseThrow(() -> new BenchException("the concordance has no IPC rule to tag the latency probe"));
    }
}
