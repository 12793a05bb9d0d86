package eu.emistreams.reference;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A concordance (indicators.md §2): IPC and KEYWORD rules for patents, HS6 for trade, PRODCOM8 for
 * production and CB_CATEGORY for investment, each matched exactly as the contract words it.
 */
public final class ConcordanceRules {

    public static final String HEADER = "scheme,pattern,dimension,code";

    public record Rule(String scheme, String pattern, String dimension, String code) {
    }

    private record KeywordRule(Pattern pattern, String code) {
    }

    private final List<Rule> ipcRules = new ArrayList<>();
    private final List<KeywordRule> keywordRules = new ArrayList<>();
    private final List<Rule> hs6Rules = new ArrayList<>();
    private final List<Rule> prodcom8Rules = new ArrayList<>();
    private final List<Rule> categoryRules = new ArrayList<>();

    private ConcordanceRules() {
    }

    /** The rules the classifier ships with: its default-concordance.csv in the checkout at {@code repositoryRoot}. */
    public static ConcordanceRules shipped(java.nio.file.Path repositoryRoot) {
        java.nio.file.Path file = repositoryRoot.resolve(
                "classifier-service/src/main/resources/concordance/default-concordance.csv");
        try {
            return parse(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static ConcordanceRules parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (!firstLine.equals(HEADER)) {
            throw new IllegalArgumentException("a concordance starts with the header " + HEADER + ", not " + firstLine);
        }
        ConcordanceRules rules = new ConcordanceRules();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                Rule rule = new Rule(record.get("scheme"), record.get("pattern"), record.get("dimension"),
                        record.get("code"));
                if (!EmiCodes.ALL_CODES.contains(rule.code())) {
                    throw new IllegalArgumentException("unknown code " + rule.code() + " on line "
                            + record.getRecordNumber());
                }
                switch (rule.scheme()) {
                    case "IPC" -> rules.ipcRules.add(rule);
                    case "KEYWORD" -> rules.keywordRules.add(new KeywordRule(keywordPattern(rule.pattern()), rule.code()));
                    case "HS6" -> rules.hs6Rules.add(rule);
                    case "PRODCOM8" -> rules.prodcom8Rules.add(rule);
                    case "CB_CATEGORY" -> rules.categoryRules.add(rule);
                    default -> throw new IllegalArgumentException("unknown scheme " + rule.scheme() + " on line "
                            + record.getRecordNumber());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    /**
     * The codes an application gets: every code with a matching IPC rule on one of its symbols or a
     * matching KEYWORD rule on one of its titles or abstracts, with the parent of each child code.
     */
    public Set<String> tag(Collection<String> normalisedIpcSymbols, Collection<String> texts) {
        Set<String> codes = new TreeSet<>();
        for (Rule rule : ipcRules) {
            for (String symbol : normalisedIpcSymbols) {
                if (ipcMatches(rule.pattern(), symbol)) {
                    codes.add(rule.code());
                    break;
                }
            }
        }
        for (KeywordRule rule : keywordRules) {
            for (String text : texts) {
                if (text != null && rule.pattern().matcher(text.toLowerCase(Locale.ROOT)).find()) {
                    codes.add(rule.code());
                    break;
                }
            }
        }
        return withParents(codes);
    }

    /** §2 HS6: a rule matches when its pattern is a prefix of the 6-digit HS code. */
    public Set<String> tagHs6(String hsCode) {
        Set<String> codes = new TreeSet<>();
        for (Rule rule : hs6Rules) {
            if (hsCode.startsWith(rule.pattern())) {
                codes.add(rule.code());
            }
        }
        return withParents(codes);
    }

    /** §2 PRODCOM8: a rule matches when its pattern (dots removed) is a prefix of the code without dots. */
    public Set<String> tagProdcom8(String productCode) {
        String product = productCode.replace(".", "");
        Set<String> codes = new TreeSet<>();
        for (Rule rule : prodcom8Rules) {
            if (product.startsWith(rule.pattern().replace(".", ""))) {
                codes.add(rule.code());
            }
        }
        return withParents(codes);
    }

    /** §2 CB_CATEGORY: a rule matches a category equal to its pattern, ignoring case, both trimmed. */
    public Set<String> tagCategories(Collection<String> categories) {
        Set<String> codes = new TreeSet<>();
        for (Rule rule : categoryRules) {
            for (String category : categories) {
                if (category.trim().equalsIgnoreCase(rule.pattern().trim())) {
                    codes.add(rule.code());
                    break;
                }
            }
        }
        return withParents(codes);
    }

    /** §1: a record tagged with a child code is also tagged with its parent, once. */
    private static Set<String> withParents(Set<String> codes) {
        for (String code : List.copyOf(codes)) {
            String parent = EmiCodes.parentOf(code);
            if (parent != null) {
                codes.add(parent);
            }
        }
        return codes;
    }

    /**
     * §2: a subclass {@code H01L} takes the whole subclass; a main group {@code H01L31} the symbols
     * whose main group is exactly 31; a group {@code H01L31/04} main group 31 with a subgroup whose
     * digits start with 04. The symbol has its whitespace removed already.
     */
    public static boolean ipcMatches(String pattern, String symbol) {
        if (symbol.length() < 4 || !symbol.startsWith(pattern.substring(0, Math.min(4, pattern.length())))) {
            return false;
        }
        if (pattern.length() == 4) {
            return true;
        }
        String symbolRest = symbol.substring(4);
        int symbolSlash = symbolRest.indexOf('/');
        String symbolMainGroup = symbolSlash < 0 ? symbolRest : symbolRest.substring(0, symbolSlash);
        String symbolSubgroup = symbolSlash < 0 ? "" : symbolRest.substring(symbolSlash + 1);
        String patternRest = pattern.substring(4);
        int patternSlash = patternRest.indexOf('/');
        if (patternSlash < 0) {
            return symbolMainGroup.equals(patternRest);
        }
        return symbolMainGroup.equals(patternRest.substring(0, patternSlash))
                && symbolSubgroup.startsWith(patternRest.substring(patternSlash + 1));
    }

    /**
     * A phrase between word boundaries. Unicode character classes make {@code \b} treat accented
     * letters as letters, as Python's {@code \b} does, whatever the JDK version.
     */
    static Pattern keywordPattern(String phrase) {
        return Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b", Pattern.UNICODE_CHARACTER_CLASS);
    }

    public static boolean keywordMatches(String phrase, String text) {
        return text != null && keywordPattern(phrase).matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
