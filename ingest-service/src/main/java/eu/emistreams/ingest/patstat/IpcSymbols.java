package eu.emistreams.ingest.patstat;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** IPC symbols as the concordance matches them: every whitespace character removed. */
public final class IpcSymbols {

    private IpcSymbols() {
    }

    /** {@code "H01L  21/677"} becomes {@code "H01L21/677"}; a blank symbol becomes "". */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder symbol = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(symbol::appendCodePoint);
        return symbol.toString();
    }

    /** Normalised, distinct and sorted, as the PatentApplication event carries them. */
    public static List<String> normaliseAll(Collection<String> raw) {
        TreeSet<String> symbols = new TreeSet<>();
        for (String symbol : raw) {
            String normalised = normalise(symbol);
            if (!normalised.isEmpty()) {
                symbols.add(normalised);
            }
        }
        return List.copyOf(symbols);
    }
}
