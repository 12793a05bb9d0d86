package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a reader sees for the codes of indicators.md §1, and which codes each kind of figure shows.
 * The names follow Table 1 of the reference fact sheet, shortened where a chart axis needs it.
 */
public final class CodeLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("AERO", "Aerospace & Defence"),
            Map.entry("AGRI", "Agri-Food"),
            Map.entry("CONS", "Construction"),
            Map.entry("CCI", "Cultural & Creative Industries"),
            Map.entry("DIGI", "Digital"),
            Map.entry("ELEC", "Electronics"),
            Map.entry("EII", "Energy Intensive Industries"),
            Map.entry("REN", "Energy – Renewables"),
            Map.entry("HEAL", "Health"),
            Map.entry("MOB", "Mobility – Transport – Automotive"),
            Map.entry("PROX", "Proximity, Social Economy & Civil Security"),
            Map.entry("RETA", "Retail"),
            Map.entry("TEXT", "Textile"),
            Map.entry("TOUR", "Tourism"),
            Map.entry("G.AMN", "Advanced Materials and Nanotechnology"),
            Map.entry("G.BIO", "Biotechnology"),
            Map.entry("G.ESE", "Energy Saving Technologies"),
            Map.entry("G.REN", "Renewable Energy Technologies"),
            Map.entry("G.REN.SOLAR", "Solar Power"),
            Map.entry("G.REN.WIND", "Wind Power"),
            Map.entry("G.REN.OTHER", "Other renewables"),
            Map.entry("D.AMR", "Advanced Manufacturing & Robotics"),
            Map.entry("D.AMR.AM", "Advanced Manufacturing"),
            Map.entry("D.AMR.ROB", "Robotics"),
            Map.entry("D.AI", "Artificial Intelligence"),
            Map.entry("D.BD", "Big Data"),
            Map.entry("D.SEC", "Digital Security & Networks"),
            Map.entry("D.MOB", "Digital Technology for Mobility"),
            Map.entry("D.IOT", "Internet of Things"),
            Map.entry("D.MNP", "Micro- and Nanoelectronics & Photonics"),
            Map.entry("D.MNP.MNE", "Micro- and Nanoelectronics"),
            Map.entry("D.MNP.PHO", "Photonics"));

    /** Every green technology, parents before children (country share and rank figures). */
    public static final List<String> GREEN = EmiCodes.TECHNOLOGIES.stream().filter(code -> code.startsWith("G.")).toList();

    /** Every digital technology, parents before children. */
    public static final List<String> DIGITAL = EmiCodes.TECHNOLOGIES.stream().filter(code -> code.startsWith("D.")).toList();

    /**
     * The green fields of the trend figure: the renewable sub-fields instead of their parent, as the
     * reference discusses Solar, Wind and Other renewables separately; at most seven lines stay legible.
     */
    public static final List<String> GREEN_TRENDS = List.of("G.AMN", "G.BIO", "G.ESE", "G.REN.SOLAR", "G.REN.WIND", "G.REN.OTHER");

    /** The digital fields of the trend figure: the seven top-level technologies. */
    public static final List<String> DIGITAL_TRENDS = topLevel(DIGITAL);

    /** The green fields of the production figure: the four top-level technologies. */
    public static final List<String> GREEN_PRODUCTION = topLevel(GREEN);

    /** The digital fields of the production figure. */
    public static final List<String> DIGITAL_PRODUCTION = topLevel(DIGITAL);

    private CodeLabels() {
    }

    /** The reader's name of a code; the code itself for anything outside §1. */
    public static String label(String code) {
        return LABELS.getOrDefault(code, code);
    }

    /** The English name of an ISO 3166-1 alpha-2 country ({@code BE} gives Belgium). */
    public static String countryName(String country) {
        String name = new Locale("", country).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? country : name;
    }

    private static List<String> topLevel(List<String> codes) {
        return codes.stream().filter(code -> EmiCodes.parentOf(code).isEmpty()).toList();
    }
}
