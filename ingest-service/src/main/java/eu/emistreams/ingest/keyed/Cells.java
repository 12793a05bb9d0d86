package eu.emistreams.ingest.keyed;

import eu.emistreams.ingest.source.CsvRow;
import java.math.BigDecimal;

/**
 * Reading the cells of a row the way the flat sources write them: values trimmed (codes come
 * padded, {@code "0 "}), blanks and, where the source says so, {@code NA} meaning "no value",
 * numbers parsed strictly (no {@code NaN}, no {@code 12d}, no thousands separators).
 */
public final class Cells {

    private Cells() {
    }

    /** The trimmed value, or null when the column is absent or the cell blank. */
    public static String text(CsvRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Like {@link #text}, with {@code NA} (UN Comtrade's "not available") also meaning no value. */
    public static String textOrNa(CsvRow row, String column) {
        String value = text(row, column);
        return "NA".equals(value) ? null : value;
    }

    /** A value the row cannot do without: blank (or NA) is {@code missing_value}. */
    public static String required(String column, String value) throws RowRejection {
        if (value == null) {
            throw new RowRejection("missing_value", column + " is blank");
        }
        return value;
    }

    /** A whole number; anything else is {@code unparsable_number}. */
    public static int wholeNumber(String column, String value) throws RowRejection {
        required(column, value);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RowRejection("unparsable_number", column + " '" + value + "' is not a whole number");
        }
    }

    /** A decimal number ({@code 288806084.289}, {@code 1.2E9}); anything else is {@code unparsable_number}. */
    public static double decimal(String column, String value) throws RowRejection {
        required(column, value);
        try {
            double parsed = new BigDecimal(value).doubleValue();
            if (Double.isInfinite(parsed)) {
                throw new NumberFormatException("out of range");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new RowRejection("unparsable_number", column + " '" + value + "' is not a number");
        }
    }
}
