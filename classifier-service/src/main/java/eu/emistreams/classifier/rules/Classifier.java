package eu.emistreams.classifier.rules;

import eu.emistreams.events.codes.EmiCodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule set compiled for fast matching (indicators.md §2). IPC rules are indexed by subclass and
 * main group, keyword phrases by their first word and a tree of what follows it, HS6 and PRODCOM8
 * prefixes and Crunchbase categories by hash lookups, so the cost of classifying a record grows
 * with the record, not with the number of rules. Instances are immutable and safe to share between threads.
 *
 * <p>Every method answers the matched codes with their parents, sorted and distinct.
 */
public final class Classifier {

    private final RuleSet rules;
    private final Map<String, IpcSubclassRules> ipcBySubclass = new HashMap<>();
    private final WordTable keywordsByFirstWord;
    private final Map<String, Set<String>> hs6ByPrefix = new HashMap<>();
    private final Map<String, Set<String>> prodcomByPrefix = new HashMap<>();
    private final Map<String, Set<String>> categoryByName = new HashMap<>();

    private Classifier(RuleSet rules) {
        this.rules = rules;
        Map<String, Map<String, Set<String>>> keywordCodes = new HashMap<>();
        for (Rule rule : rules.rules()) {
            switch (rule.scheme()) {
                case IPC -> addIpc(rule);
                case KEYWORD -> keywordCodes.computeIfAbsent(firstWord(rule.pattern(), 0), w -> new HashMap<>())
                        .computeIfAbsent(rule.pattern(), p -> new TreeSet<>()).add(rule.code());
                case HS6 -> hs6ByPrefix.computeIfAbsent(rule.pattern(), p -> new TreeSet<>()).add(rule.code());
                case PRODCOM8 -> prodcomByPrefix.computeIfAbsent(rule.pattern(), p -> new TreeSet<>()).add(rule.code());
                case CB_CATEGORY -> categoryByName.computeIfAbsent(
                        rule.pattern().toLowerCase(Locale.ROOT), c -> new TreeSet<>()).add(rule.code());
            }
        }
        Map<String, PhraseNode> byFirstWord = new HashMap<>();
        keywordCodes.forEach((word, phrases) -> {
            PhraseNode afterWord = new PhraseNode();
            phrases.forEach((phrase, codes) -> afterWord.insert(phrase.substring(word.length()), new KeywordRule(phrase, codes)));
            byFirstWord.put(word, afterWord);
        });
        keywordsByFirstWord = new WordTable(byFirstWord);
    }

    public static Classifier compile(RuleSet rules) {
        return new Classifier(rules);
    }

    public RuleSet rules() {
        return rules;
    }

    public String version() {
        return rules.version();
    }

    /**
     * The codes of a patent application: IPC rules against its symbols, keyword rules against its
     * title and, separately, its abstract (indicators.md §3).
     */
    public List<String> classifyPatent(Collection<String> ipcSymbols, String title, String abstractText) {
        TreeSet<String> codes = new TreeSet<>();
        if (ipcSymbols != null) {
            for (String symbol : ipcSymbols) {
                matchIpc(symbol, codes);
            }
        }
        matchKeywords(title, codes);
        matchKeywords(abstractText, codes);
        return withParents(codes);
    }

    /** The codes whose IPC rules match one symbol. */
    public List<String> classifyIpc(String symbol) {
        TreeSet<String> codes = new TreeSet<>();
        matchIpc(symbol, codes);
        return withParents(codes);
    }

    /** The codes whose keyword rules match one text (a title or an abstract). */
    public List<String> classifyText(String text) {
        TreeSet<String> codes = new TreeSet<>();
        matchKeywords(text, codes);
        return withParents(codes);
    }

    /** The codes whose HS6 prefixes match a 6-digit HS code. */
    public List<String> classifyHs6(String hsCode) {
        return withParents(matchPrefixes(hsCode == null ? null : hsCode.strip(), hs6ByPrefix));
    }

    /** The codes whose PRODCOM8 prefixes match a PRODCOM code, with or without dots. */
    public List<String> classifyProdcom8(String prodcomCode) {
        return withParents(matchPrefixes(prodcomCode == null ? null : prodcomCode.strip().replace(".", ""),
                prodcomByPrefix));
    }

    /** The codes of a company from its Crunchbase categories. */
    public List<String> classifyCategories(Collection<String> categories) {
        TreeSet<String> codes = new TreeSet<>();
        if (categories != null) {
            for (String category : categories) {
                if (category != null) {
                    Set<String> matched = categoryByName.get(category.strip().toLowerCase(Locale.ROOT));
                    if (matched != null) {
                        codes.addAll(matched);
                    }
                }
            }
        }
        return withParents(codes);
    }

    private void addIpc(Rule rule) {
        String pattern = rule.pattern();
        IpcSubclassRules subclassRules = ipcBySubclass.computeIfAbsent(pattern.substring(0, 4),
                s -> new IpcSubclassRules());
        if (pattern.length() == 4) {
            subclassRules.wholeSubclass.add(rule.code());
            return;
        }
        int slash = pattern.indexOf('/');
        String mainGroup = slash < 0 ? pattern.substring(4) : pattern.substring(4, slash);
        String subgroupPrefix = slash < 0 ? "" : pattern.substring(slash + 1);
        subclassRules.byMainGroup.computeIfAbsent(mainGroup, g -> new ArrayList<>())
                .add(new IpcGroupRule(subgroupPrefix, rule.code()));
    }

    private void matchIpc(String rawSymbol, Set<String> codes) {
        if (rawSymbol == null) {
            return;
        }
        String symbol = withoutWhitespace(rawSymbol);
        if (symbol.length() < 4) {
            return;
        }
        IpcSubclassRules subclassRules = ipcBySubclass.get(symbol.substring(0, 4));
        if (subclassRules == null) {
            return;
        }
        codes.addAll(subclassRules.wholeSubclass);
        if (subclassRules.byMainGroup.isEmpty()) {
            return;
        }
        int slash = symbol.indexOf('/', 4);
        String mainGroup = stripLeadingZeros(slash < 0 ? symbol.substring(4) : symbol.substring(4, slash));
        List<IpcGroupRule> groupRules = subclassRules.byMainGroup.get(mainGroup);
        if (groupRules == null) {
            return;
        }
        String subgroup = slash < 0 ? "" : symbol.substring(slash + 1);
        for (IpcGroupRule groupRule : groupRules) {
            if (subgroup.startsWith(groupRule.subgroupPrefix)) {
                codes.add(groupRule.code);
            }
        }
    }

    /**
     * Finds every phrase occurring between word boundaries. A phrase can only start where a word
     * starts, and the word there must be the phrase's first word; from there the rest of the text
     * is walked along a tree of the phrases sharing that first word, so each word costs one table
     * lookup and, for the few that start a phrase, a walk as long as the longest phrase matching.
     */
    private void matchKeywords(String text, Set<String> codes) {
        if (text == null || text.isEmpty() || keywordsByFirstWord.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int length = lower.length();
        int i = 0;
        while (i < length) {
            if (!isWordChar(lower.charAt(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < length && isWordChar(lower.charAt(end))) {
                end++;
            }
            PhraseNode node = keywordsByFirstWord.get(lower, i, end);
            for (int position = end; node != null; position++) {
                KeywordRule rule = node.rule;
                if (rule != null && !codes.containsAll(rule.codes) && rule.matchesAt(lower, i, position)) {
                    codes.addAll(rule.codes);
                }
                node = position < length ? node.child(lower.charAt(position)) : null;
            }
            i = end;
        }
    }

    private static Set<String> matchPrefixes(String code, Map<String, Set<String>> byPrefix) {
        TreeSet<String> codes = new TreeSet<>();
        if (code == null || byPrefix.isEmpty()) {
            return codes;
        }
        for (int length = 1; length <= code.length(); length++) {
            Set<String> matched = byPrefix.get(code.substring(0, length));
            if (matched != null) {
                codes.addAll(matched);
            }
        }
        return codes;
    }

    private static List<String> withParents(Set<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        TreeSet<String> all = new TreeSet<>(codes);
        for (String code : codes) {
            EmiCodes.parentOf(code).ifPresent(all::add);
        }
        return List.copyOf(all);
    }

    /** The first word of a phrase, as the text scan cuts words. */
    private static String firstWord(String phrase, int from) {
        int end = from;
        while (end < phrase.length() && isWordChar(phrase.charAt(end))) {
            end++;
        }
        return phrase.substring(from, end);
    }

    /**
     * An ASCII word character. Every character that {@code \b} counts as a word character on any
     * JDK (Unicode letters on 17, ASCII only from 19) includes these, so cutting words here never
     * hides a position where a phrase could match; the regex then decides.
     */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'A' && c <= 'Z');
    }

    private static String withoutWhitespace(String symbol) {
        for (int i = 0; i < symbol.length(); i++) {
            if (Character.isWhitespace(symbol.charAt(i))) {
                return symbol.replaceAll("\\s+", "");
            }
        }
        return symbol;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /**
     * The keyword rules by first word, looked up by a region of the text without copying it: the
     * scan visits every word of every title and abstract, most of which start no phrase.
     */
    private static final class WordTable {
        private final String[] words;
        private final PhraseNode[] nodes;
        private final int mask;
        private final long lengths;
        private final boolean isEmpty;

        WordTable(Map<String, PhraseNode> byWord) {
            int capacity = Integer.highestOneBit(Math.max(4, byWord.size() * 4) - 1) << 1;
            words = new String[capacity];
            nodes = new PhraseNode[capacity];
            mask = capacity - 1;
            long lengthBits = 0;
            for (Map.Entry<String, PhraseNode> entry : byWord.entrySet()) {
                String word = entry.getKey();
                int slot = spread(word.hashCode()) & mask;
                while (words[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                words[slot] = word;
                nodes[slot] = entry.getValue();
                lengthBits |= 1L << Math.min(word.length(), 63);
            }
            lengths = lengthBits;
            isEmpty = byWord.isEmpty();
        }

        boolean isEmpty() {
            return isEmpty;
        }

        /** The phrases whose first word is {@code text[from, to)}, from the end of that word; or null. */
        PhraseNode get(String text, int from, int to) {
            int length = to - from;
            if ((lengths & (1L << Math.min(length, 63))) == 0) {
                return null;
            }
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + text.charAt(i);
            }
            int slot = spread(hash) & mask;
            for (String word; (word = words[slot]) != null; slot = (slot + 1) & mask) {
                if (word.length() == length && text.regionMatches(from, word, 0, length)) {
                    return nodes[slot];
                }
            }
            return null;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }

    private static final class IpcSubclassRules {
        final Set<String> wholeSubclass = new TreeSet<>();
        final Map<String, List<IpcGroupRule>> byMainGroup = new HashMap<>();
    }

    private record IpcGroupRule(String subgroupPrefix, String code) {
    }

    /** A node of the tree of phrases that share a first word: the phrase ending here, if any, and what may follow. */
    private static final class PhraseNode {
        private char[] keys = new char[0];
        private PhraseNode[] children = new PhraseNode[0];
        KeywordRule rule;

        void insert(String rest, KeywordRule phrase) {
            PhraseNode node = this;
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                PhraseNode next = node.child(c);
                if (next == null) {
                    next = new PhraseNode();
                    node.keys = Arrays.copyOf(node.keys, node.keys.length + 1);
                    node.children = Arrays.copyOf(node.children, node.children.length + 1);
                    node.keys[node.keys.length - 1] = c;
                    node.children[node.children.length - 1] = next;
                }
                node = next;
            }
            node.rule = phrase;
        }

        PhraseNode child(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return children[i];
                }
            }
            return null;
        }
    }

    /** A phrase with its precompiled {@code \bphrase\b} regex and the codes it assigns. */
    private static final class KeywordRule {
        final Set<String> codes;
        private final Pattern regex;

        KeywordRule(String phrase, Set<String> codes) {
            this.codes = Set.copyOf(codes);
            this.regex = Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b");
        }

        /**
         * Whether {@code \bphrase\b} matches {@code text[start, end)}, whose characters are known to
         * be the phrase. When both neighbours are ASCII (or absent) the boundaries are decided here,
         * as the regex would; a non-ASCII neighbour, where the JDK's notion of a word character
         * matters, goes to the regex.
         */
        boolean matchesAt(String text, int start, int end) {
            boolean asciiBefore = start == 0 || text.charAt(start - 1) < 0x80;
            boolean asciiAfter = end == text.length() || text.charAt(end) < 0x80;
            if (asciiBefore && asciiAfter) {
                return (start == 0 || !isWordChar(text.charAt(start - 1)))
                        && (end == text.length() || !isWordChar(text.charAt(end)));
            }
            Matcher matcher = regex.matcher(text);
            matcher.region(start, text.length());
            matcher.useTransparentBounds(true);
            matcher.useAnchoringBounds(false);
            return matcher.lookingAt();
        }
    }
}
