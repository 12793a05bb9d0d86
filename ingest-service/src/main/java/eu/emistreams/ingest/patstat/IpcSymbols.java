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
        StringBuilder symbol = null;
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (symbol == null) {
                    symbol = new StringBuilder(raw.length()).append(raw, 0, i);
                }
            } else if (symbol != null) {
                symbol.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return symbol == null ? raw : symbol.toString();
    }

    /**
     * Symbols already normalised, made distinct and sorted with blanks left out, as the
     * PatentApplication event carries them.
     */
    public static List<String> sortedDistinct(Collection<String> normalised) {
        TreeSet<String> symbols = new TreeSet<>(normalised);
        symbols.remove("");
        return List.copyOf(symbols);
    }
}
