package eu.emistreams.query.factsheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * How numbers read on the fact sheet, in charts' tables and in sentences alike. The rules compare
 * {@link #displayed displayed} values, so that a sentence never calls two equal-looking numbers different.
 */
public final class Numbers {

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    private Numbers() {
    }

    /**
     * A percentage without its sign: one decimal from 10 on, two from 0.1 on, three significant
     * digits below (world shares of small countries are often below 0.1%). Trailing zeros stay, so
     * that a table's columns read alike.
     */
    public static String percent(double value) {
        return displayedDecimal(value).toPlainString();
    }

    /** A percentage with its sign, for sentences: {@code 12.3%}. */
    public static String percentText(double value) {
        return percent(value) + "%";
    }

    /** The value a reader sees, as a number. */
    public static double displayed(double value) {
        return displayedDecimal(value).doubleValue();
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st... */
    public static String ordinal(int rank) {
        int lastTwo = rank % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return rank + "th";
        }
        return switch (rank % 10) {
            case 1 -> rank + "st";
            case 2 -> rank + "nd";
            case 3 -> rank + "rd";
            default -> rank + "th";
        };
    }

    /** US dollars in millions, one decimal: {@code 1234.5}. */
    public static String usdMillions(double usd) {
        return BigDecimal.valueOf(usd / 1_000_000d).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** For sentences: {@code USD 1234.5 million}. */
    public static String usdMillionsText(double usd) {
        return "USD " + usdMillions(usd) + " million";
    }

    /** "A", "A and B", "A, B and C". */
    public static String joinNames(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The value a reader sees, exactly. */
    static BigDecimal displayedDecimal(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return BigDecimal.ZERO;
        }
        BigDecimal decimal = BigDecimal.valueOf(value);
        double magnitude = Math.abs(value);
        BigDecimal rounded;
        if (magnitude >= 10) {
            rounded = decimal.setScale(1, RoundingMode.HALF_UP);
        } else if (magnitude >= 0.1) {
            rounded = decimal.setScale(2, RoundingMode.HALF_UP);
        } else {
            rounded = decimal.round(THREE_DIGITS);
        }
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }
}
