package eu.emistreams.sampledata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reporters and products of the Comtrade generator. Products are chosen so that their HS6
 * codes hit the shipped concordance's HS6 rules (photovoltaic modules, wind generating sets, heat
 * pumps, lithium-ion accumulators, processors, robots...), the most telling first, so that small
 * releases already fill the technology indicators; past the list, codes are made up in real chapters.
 */
final class ComtradeVocabulary {

    private ComtradeVocabulary() {
    }

    /**
     * A reporter as Comtrade writes it: M49 reporter code (Comtrade's own where it differs:
     * France 251, USA 842, Switzerland 757, Norway 579, India 699), reporterISO, description.
     * {@code alpha2} is what the ingest should make of it (ZZ for "Other Asia, nes").
     */
    record Reporter(int code, String iso3, String description, String alpha2, double weight) {
    }

    static final List<Reporter> REPORTERS = List.of(
            new Reporter(40, "AUT", "Austria", "AT", 1.6), new Reporter(56, "BEL", "Belgium", "BE", 3.0),
            new Reporter(100, "BGR", "Bulgaria", "BG", 0.3), new Reporter(196, "CYP", "Cyprus", "CY", 0.1),
            new Reporter(203, "CZE", "Czechia", "CZ", 1.5), new Reporter(276, "DEU", "Germany", "DE", 10.0),
            new Reporter(208, "DNK", "Denmark", "DK", 1.0), new Reporter(233, "EST", "Estonia", "EE", 0.15),
            new Reporter(724, "ESP", "Spain", "ES", 3.0), new Reporter(246, "FIN", "Finland", "FI", 0.7),
            new Reporter(251, "FRA", "France", "FR", 5.0), new Reporter(300, "GRC", "Greece", "GR", 0.5),
            new Reporter(191, "HRV", "Croatia", "HR", 0.2), new Reporter(348, "HUN", "Hungary", "HU", 1.0),
            new Reporter(372, "IRL", "Ireland", "IE", 1.4), new Reporter(380, "ITA", "Italy", "IT", 4.5),
            new Reporter(440, "LTU", "Lithuania", "LT", 0.3), new Reporter(442, "LUX", "Luxembourg", "LU", 0.2),
            new Reporter(428, "LVA", "Latvia", "LV", 0.15), new Reporter(470, "MLT", "Malta", "MT", 0.05),
            new Reporter(528, "NLD", "Netherlands", "NL", 5.5), new Reporter(616, "POL", "Poland", "PL", 2.5),
            new Reporter(620, "PRT", "Portugal", "PT", 0.7), new Reporter(642, "ROU", "Romania", "RO", 0.7),
            new Reporter(752, "SWE", "Sweden", "SE", 1.4), new Reporter(705, "SVN", "Slovenia", "SI", 0.3),
            new Reporter(703, "SVK", "Slovakia", "SK", 0.8),
            new Reporter(842, "USA", "USA", "US", 14.0), new Reporter(156, "CHN", "China", "CN", 18.0),
            new Reporter(392, "JPN", "Japan", "JP", 6.0), new Reporter(410, "KOR", "Rep. of Korea", "KR", 4.5),
            new Reporter(757, "CHE", "Switzerland", "CH", 2.5), new Reporter(579, "NOR", "Norway", "NO", 0.9),
            new Reporter(699, "IND", "India", "IN", 3.0), new Reporter(826, "GBR", "United Kingdom", "GB", 3.5),
            new Reporter(490, "S19", "Other Asia, nes", "ZZ", 2.5));

    /** Partners of the rows that are not World totals. */
    static final List<Reporter> PARTNERS = List.of(REPORTERS.get(5), REPORTERS.get(28), REPORTERS.get(27));

    /** An HS6 product: its code up to HS2017 (H5) and in HS2022 (H6), its description, its trade weight. */
    record Product(String codeH5, String codeH6, String description, double weight) {

        String code(int year) {
            return year >= 2022 ? codeH6 : codeH5;
        }
    }

    static final List<Product> CURATED = List.of(
            new Product("854140", "854143", "Electrical apparatus; photosensitive, including photovoltaic cells, whether or not assembled in modules or made up into panels, light-emitting diodes", 3.0),
            new Product("850231", "850231", "Electric generating sets; wind-powered, (excluding those with spark-ignition or compression-ignition internal combustion piston engines)", 2.0),
            new Product("841861", "841861", "Heat pumps; other than air conditioning machines of heading no. 8415", 1.5),
            new Product("850760", "850760", "Electric accumulators; lithium-ion, including separators, whether or not rectangular (including square)", 4.0),
            new Product("854231", "854231", "Electronic integrated circuits; processors and controllers, whether or not combined with memories, converters, logic circuits, amplifiers", 6.0),
            new Product("847950", "847950", "Machines and mechanical appliances; industrial robots, n.e.c. or included", 1.0),
            new Product("847150", "847150", "Units of automatic data processing machines; processing units other than those of subheading 8471.41 or 8471.49", 3.0),
            new Product("851762", "851762", "Communication apparatus; machines for the reception, conversion and transmission or regeneration of voice, images or other data", 5.0),
            new Product("901320", "901320", "Lasers; other than laser diodes", 0.6),
            new Product("852691", "852691", "Radio navigational aid apparatus", 0.8),
            new Product("853950", "853951", "Lamps; light-emitting diode (LED) lamps", 1.2),
            new Product("300215", "300215", "Immunological products, put up in measured doses or in forms or packings for retail sale", 3.5),
            new Product("845611", "845611", "Machine-tools; operated by laser processes, for working any material by removal of material", 0.7),
            new Product("902830", "902830", "Meters; electricity supply or production meters, including calibrating meters therefor", 0.5),
            new Product("440131", "440131", "Wood pellets", 0.4),
            new Product("382600", "382600", "Biodiesel and mixtures thereof; not containing or containing less than 70% by weight of petroleum oils", 0.9),
            new Product("870380", "870380", "Vehicles; with only electric motor for propulsion", 5.0),
            new Product("880240", "880240", "Aeroplanes and other aircraft; of an unladen weight exceeding 15,000kg", 4.0),
            new Product("300490", "300490", "Medicaments; consisting of mixed or unmixed products n.e.c. in heading no. 3004, for therapeutic or prophylactic uses, packaged for retail sale", 8.0),
            new Product("854110", "854110", "Electrical apparatus; diodes, other than photosensitive or light-emitting diodes (LED)", 0.8),
            new Product("220720", "220720", "Ethyl alcohol and other spirits; denatured, of any strength", 0.4),
            new Product("020130", "020130", "Meat; of bovine animals, boneless cuts, fresh or chilled", 1.0),
            new Product("100199", "100199", "Cereals; wheat and meslin, other than durum wheat, other than seed", 1.5),
            new Product("720839", "720839", "Iron or non-alloy steel; flat-rolled, width 600mm or more, hot-rolled, in coils, of a thickness of less than 3mm", 1.2),
            new Product("390110", "390110", "Ethylene polymers; in primary forms, polyethylene having a specific gravity of less than 0.94", 1.5),
            new Product("610910", "610910", "T-shirts, singlets and other vests; of cotton, knitted or crocheted", 1.3),
            new Product("640399", "640399", "Footwear; with outer soles of rubber, plastics or composition leather, uppers of leather, n.e.c. in item no. 6403.9", 1.1),
            new Product("730820", "730820", "Towers and lattice masts; of iron or steel", 0.4),
            new Product("940610", "940610", "Prefabricated buildings; of wood", 0.2),
            new Product("854442", "854442", "Insulated electric conductors; for a voltage not exceeding 1000 volts, fitted with connectors", 1.6),
            new Product("847330", "847330", "Machinery; parts and accessories of the machines of heading no. 8471", 2.0),
            new Product("890190", "890190", "Vessels; for the transport of goods and other vessels for the transport of both persons and goods", 0.8),
            new Product("871200", "871200", "Bicycles and other cycles (including delivery tricycles), not motorised", 0.4),
            new Product("220421", "220421", "Wine; still, in containers holding 2 litres or less", 1.0),
            new Product("271019", "271019", "Petroleum oils, not crude; preparations n.e.c., not biodiesel, not waste oils, medium and heavy oils", 6.0));

    /** Chapters of the made-up products beyond the curated list. */
    private static final int[] CHAPTERS = {3, 4, 8, 9, 15, 19, 21, 28, 29, 32, 33, 34, 38, 39, 40, 44, 48, 52, 61, 62,
        63, 64, 68, 69, 70, 72, 73, 76, 82, 83, 84, 85, 87, 90, 94, 95, 96};

    /** The first {@code count} products: the curated ones, then made-up codes distinct from them. */
    static List<Product> products(int count) {
        List<Product> products = new ArrayList<>(CURATED.subList(0, Math.min(count, CURATED.size())));
        Set<String> taken = new HashSet<>();
        for (Product product : CURATED) {
            taken.add(product.codeH5());
            taken.add(product.codeH6());
        }
        int index = 0;
        while (products.size() < count) {
            int chapter = CHAPTERS[index % CHAPTERS.length];
            int heading = 1 + (index / CHAPTERS.length) % 40;
            int subheading = new int[] {10, 20, 90, 11, 19, 30, 40, 50, 60, 80, 91, 99}[(index / (CHAPTERS.length * 40)) % 12];
            index++;
            String code = String.format("%02d%02d%02d", chapter, heading, subheading);
            if (taken.add(code)) {
                products.add(new Product(code, code, "Goods of heading " + code.substring(0, 4)
                        + ", n.e.c. in subheading " + code + ", whether or not assembled", 0.3 + (index % 7) / 7.0));
            }
            if (index > 1_000_000) {
                throw new IllegalArgumentException("no more than " + products.size() + " products can be made up");
            }
        }
        return products;
    }
}
