package eu.emistreams.sampledata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The words, codes and weights the PATSTAT generator draws from. Weights follow the rough shape
 * of transnational patenting (US, JP, CN, DE, KR lead; every EU27 member appears), technologies
 * are chosen so that the IPC subclasses and title keywords hit the EMI ecosystems and technologies.
 */
final class PatstatVocabulary {

    private PatstatVocabulary() {
    }

    /** An applicant country: its weight among applicants and what its company names look like. */
    record Country(String code, double weight, String language, List<String> stems, List<String> legalForms) {
    }

    static final List<String> COMMON_STEMS = List.of(
            "Helios", "Nordwind", "Atlas", "Quantum", "Vektor", "Lumen", "Aurora", "Orbis", "Terra",
            "Polaris", "Meridian", "Cobalt", "Zenith", "Vireo", "Axion", "Borealis", "Kestrel", "Solace");

    static final List<Country> COUNTRIES = List.of(
            new Country("US", 22.0, "en", List.of("Appleton", "Redwood", "Bayview", "Silverline", "Granite"), List.of("Inc.", "LLC", "Corp.")),
            new Country("JP", 17.0, "en", List.of("Sakura", "Fujimoto", "Tokai", "Hikari", "Nihon Denki"), List.of("Co., Ltd.", "Kabushiki Kaisha")),
            new Country("CN", 15.0, "zh", List.of("Huaxin", "Zhongke", "Tianhe", "华光", "长江"), List.of("Co., Ltd.", "有限公司")),
            new Country("DE", 10.0, "de", List.of("Müller Präzision", "Sonnenwerk", "Kraftwerk Süd", "Bayerische Motoren", "Rheinmetall"), List.of("GmbH", "AG", "GmbH & Co. KG")),
            new Country("KR", 6.0, "en", List.of("Hanil", "Daejin", "Seoul Semicon", "Kumho"), List.of("Co., Ltd.")),
            new Country("FR", 4.0, "fr", List.of("Société Électrique", "Lumière", "Énergies Nouvelles", "Aérospatiale du Sud"), List.of("SA", "SAS")),
            new Country("GB", 3.0, "en", List.of("Albion", "Thames", "Pennine", "Highland"), List.of("Ltd", "PLC")),
            new Country("CH", 2.5, "de", List.of("Alpenlicht", "Zürcher Präzision", "Léman"), List.of("AG", "SA")),
            new Country("NL", 2.0, "en", List.of("Delftse", "Zuiderzee", "Polder Tech"), List.of("B.V.", "N.V.")),
            new Country("SE", 1.8, "en", List.of("Nordström", "Göta", "Skåne"), List.of("AB")),
            new Country("IT", 1.5, "en", List.of("Lombarda", "Fabbrica Toscana", "Adriatica"), List.of("S.p.A.", "S.r.l.")),
            new Country("BE", 0.9, "fr", List.of("Solvaye", "Gantoise", "Brabant", "Anversoise"), List.of("SA", "NV")),
            new Country("DK", 0.8, "en", List.of("Ørsted Vind", "Jyske", "Fyn"), List.of("A/S", "ApS")),
            new Country("AT", 0.8, "de", List.of("Wiener", "Tiroler", "Donau"), List.of("GmbH", "AG")),
            new Country("FI", 0.8, "en", List.of("Pohjola", "Järvi", "Suomen"), List.of("Oy", "Oyj")),
            new Country("ES", 0.7, "en", List.of("Ibérica", "Catalana", "Andaluza"), List.of("S.A.", "S.L.")),
            new Country("IE", 0.3, "en", List.of("Liffey", "Shannon"), List.of("Ltd", "DAC")),
            new Country("PL", 0.3, "en", List.of("Łukasiewicz", "Wisła", "Gdańska"), List.of("Sp. z o.o.", "S.A.")),
            new Country("CZ", 0.15, "en", List.of("Vltava", "Brněnská"), List.of("s.r.o.", "a.s.")),
            new Country("PT", 0.10, "en", List.of("Lusitana", "Tejo"), List.of("Lda", "S.A.")),
            new Country("GR", 0.08, "en", List.of("Aegean", "Hellas"), List.of("S.A.")),
            new Country("LU", 0.08, "fr", List.of("Moselle", "Grand-Ducal"), List.of("S.A.", "S.à r.l.")),
            new Country("HU", 0.07, "en", List.of("Duna", "Pannon"), List.of("Kft.", "Zrt.")),
            new Country("SI", 0.05, "en", List.of("Ljubljanska", "Triglav"), List.of("d.o.o.")),
            new Country("RO", 0.04, "en", List.of("Carpați", "Dunărea"), List.of("S.R.L.")),
            new Country("BG", 0.03, "en", List.of("Balkan", "Rila"), List.of("EOOD", "AD")),
            new Country("EE", 0.03, "en", List.of("Tallinna", "Peipsi"), List.of("OÜ", "AS")),
            new Country("HR", 0.03, "en", List.of("Jadran", "Zagrebačka"), List.of("d.o.o.")),
            new Country("LT", 0.03, "en", List.of("Nemunas", "Vilniaus"), List.of("UAB")),
            new Country("SK", 0.03, "en", List.of("Tatra", "Bratislavská"), List.of("s.r.o.")),
            new Country("CY", 0.02, "en", List.of("Troodos", "Limassol"), List.of("Ltd")),
            new Country("LV", 0.02, "en", List.of("Daugava", "Rīgas"), List.of("SIA")),
            new Country("MT", 0.02, "en", List.of("Valletta", "Gozo"), List.of("Ltd")),
            new Country("IL", 0.5, "en", List.of("Negev", "Carmel"), List.of("Ltd")),
            new Country("CA", 0.8, "en", List.of("Laurentian", "Maple Leaf"), List.of("Inc.", "Ltd")),
            new Country("IN", 0.6, "en", List.of("Deccan", "Ganga"), List.of("Pvt. Ltd.")),
            new Country("TW", 0.9, "en", List.of("Formosa", "Hsinchu"), List.of("Co., Ltd.")));

    /**
     * Junk the real person_ctry_code column holds, with what a correct normaliser makes of it.
     * Lower case and padded codes are valid countries; the rest become ZZ (EL and UK are not ISO).
     */
    record JunkCountry(String raw, String normalised, String label) {
    }

    static final List<JunkCountry> JUNK_COUNTRIES = List.of(
            new JunkCountry("", "ZZ", "blank"),
            new JunkCountry("--", "ZZ", "dashes"),
            new JunkCountry("..", "ZZ", "dots"),
            new JunkCountry("75", "ZZ", "digits"),
            new JunkCountry("EL", "ZZ", "EL"),
            new JunkCountry("UK", "ZZ", "UK"),
            new JunkCountry("be", "BE", "lower_case"),
            new JunkCountry(" de ", "DE", "padded"));

    /**
     * A technology theme: the IPC groups its applications carry and the phrases their titles and
     * abstracts use. IPC groups are written "subclass main/sub" and padded on output.
     */
    record Theme(String name, double weight, List<String> ipcGroups, List<String> keywords, List<String> objects) {
    }

    static final List<Theme> THEMES = List.of(
            new Theme("solar", 6, List.of("H01L 31/04", "H01L 31/042", "H01L 31/18", "H02S 40/38", "H02S 20/30", "F24S 20/40"),
                    List.of("solar cell", "photovoltaic module", "solar panel"), List.of("cell interconnection", "module frame", "tracking mount")),
            new Theme("wind", 4, List.of("F03D 1/06", "F03D 7/02", "F03D 80/70", "F03D 13/20", "H02K 7/18"),
                    List.of("wind turbine", "rotor blade", "wind farm"), List.of("pitch control", "nacelle", "tower segment")),
            new Theme("other-renewables", 2, List.of("F03B 13/10", "F24T 10/10", "C10L 5/44", "F03G 7/04"),
                    List.of("hydropower", "geothermal", "biomass"), List.of("heat exchanger", "pellet", "turbine runner")),
            new Theme("energy-saving", 4, List.of("F24D 3/18", "H05B 45/10", "F25B 30/02", "E04B 1/76", "H02J 3/14"),
                    List.of("heat pump", "led lighting", "energy efficiency"), List.of("thermal insulation", "power converter", "smart grid")),
            new Theme("ai", 6, List.of("G06N 3/08", "G06N 3/04", "G06N 20/00", "G06F 18/24", "G06V 10/82"),
                    List.of("machine learning", "neural network", "artificial intelligence", "deep learning"), List.of("training data", "inference engine", "classifier")),
            new Theme("big-data", 3, List.of("G06F 16/27", "G06F 16/2458", "G06Q 10/04", "G06F 16/9535"),
                    List.of("big data", "data analytics", "data lake"), List.of("query optimisation", "distributed index", "data pipeline")),
            new Theme("iot", 4, List.of("H04W 4/70", "H04L 67/12", "G16Y 10/75", "H04W 84/18"),
                    List.of("internet of things", "sensor network", "smart home"), List.of("gateway", "edge device", "sensor node")),
            new Theme("security", 4, List.of("H04L 9/32", "H04L 9/06", "G06F 21/62", "H04L 63/14"),
                    List.of("blockchain", "encryption", "authentication"), List.of("key exchange", "access control", "ledger")),
            new Theme("mobility", 5, List.of("B60L 53/10", "B60L 58/12", "H01M 10/052", "H01M 10/0525", "B60W 30/09", "G08G 1/16"),
                    List.of("electric vehicle", "battery", "charging station", "autonomous driving"), List.of("battery pack", "drive train", "charging connector")),
            new Theme("robotics", 3, List.of("B25J 9/16", "B25J 11/00", "B25J 15/06", "G05B 19/418"),
                    List.of("robot", "robotic arm", "gripper"), List.of("end effector", "motion planning", "joint actuator")),
            new Theme("additive", 2, List.of("B33Y 10/00", "B33Y 80/00", "B22F 10/28", "B29C 64/153"),
                    List.of("additive manufacturing", "3d printing"), List.of("powder bed", "print head", "build platform")),
            new Theme("semiconductors", 5, List.of("H01L 21/677", "H01L 23/48", "H01L 29/78", "H05K 1/02", "H01L 33/50"),
                    List.of("semiconductor device", "integrated circuit", "transistor"), List.of("wafer carrier", "interconnect", "gate electrode")),
            new Theme("photonics", 2, List.of("G02B 6/12", "H01S 5/183", "G02F 1/01", "H04B 10/50"),
                    List.of("optical fibre", "laser", "photonic"), List.of("waveguide", "optical amplifier", "lens array")),
            new Theme("materials", 2, List.of("B82Y 30/00", "C01B 32/182", "C08K 3/04", "C22C 38/02"),
                    List.of("graphene", "nanoparticle", "composite material"), List.of("coating", "alloy", "polymer matrix")),
            new Theme("health", 8, List.of("A61K 9/00", "A61K 31/4439", "A61K 39/395", "A61P 35/00", "A61B 5/00", "G16H 50/20", "A61F 2/82"),
                    List.of("pharmaceutical composition", "medical device", "diagnosis", "antibody"), List.of("dosage form", "implant", "biomarker")),
            new Theme("biotech", 3, List.of("C12N 15/113", "C12N 9/24", "C12P 7/06", "C12Q 1/6883"),
                    List.of("enzyme", "fermentation", "recombinant"), List.of("host cell", "bioreactor", "gene construct")),
            new Theme("agri-food", 4, List.of("A01B 79/00", "A01G 9/24", "A23L 33/105", "A01N 43/40", "A23C 9/12"),
                    List.of("crop", "food product", "fertiliser"), List.of("seed drill", "dairy product", "greenhouse")),
            new Theme("construction", 3, List.of("E04B 1/80", "E04F 13/08", "C04B 28/04", "E04G 21/04"),
                    List.of("building panel", "concrete", "insulation"), List.of("facade element", "formwork", "mortar")),
            new Theme("aerospace", 2, List.of("B64C 27/08", "B64D 27/24", "B64U 10/13", "B64G 1/10"),
                    List.of("aircraft", "drone", "unmanned aerial vehicle", "satellite"), List.of("wing assembly", "propulsion unit", "landing gear")),
            new Theme("textile", 2, List.of("D06F 33/00", "D04H 1/4382", "A41D 13/00", "D01F 6/62"),
                    List.of("textile", "fabric", "washing machine"), List.of("yarn", "nonwoven web", "garment")),
            new Theme("general", 12, List.of("C07D 401/04", "A47J 31/44", "B65D 81/32", "F16H 57/04", "G01N 33/53", "H04N 19/70", "A63F 13/00", "B29C 45/00"),
                    List.of(), List.of("container", "gear assembly", "beverage machine", "measuring device", "video encoder", "game controller", "injection mould")));

    static final List<String> TITLE_OPENINGS = List.of(
            "Method for", "System and method for", "Apparatus for", "Device for", "Arrangement for",
            "Method and device for");

    static final List<String> TITLE_PURPOSES = List.of(
            "controlling", "manufacturing", "monitoring", "operating", "assembling", "testing");

    static final List<String> GERMAN_TITLES = List.of(
            "Verfahren zur Herstellung einer Vorrichtung", "Vorrichtung und Verfahren zum Betreiben einer Anlage",
            "Anordnung zur Überwachung eines Systems");

    static final List<String> FRENCH_TITLES = List.of(
            "Procédé de fabrication d'un dispositif", "Dispositif et procédé de commande d'une installation",
            "Système de surveillance à réseau électrique");

    static final List<String> CHINESE_TITLES = List.of(
            "一种太阳能电池组件及其制造方法", "基于神经网络的图像识别方法", "一种风力发电机叶片");

    /**
     * Titles as real extracts carry them: several lines inside quotes, commas, embedded quotes and
     * characters beyond Latin-1. Each is (language, title).
     */
    static final List<String[]> MESSY_TITLES = List.of(
            new String[] {"fr", "Électrode pour cellule solaire, procédé de fabrication\net module « bifacial »"},
            new String[] {"de", "Vorrichtung für eine Windkraftanlage, insbesondere \"Rotorblatt\"\nmit Überlastschutz"},
            new String[] {"en", "Ørsted-type offshore wind turbine foundation, \"monopile\" design\r\nwith scour protection"},
            new String[] {"pl", "Łącznik do robota przemysłowego, \"chwytak\", oraz sposób"},
            new String[] {"zh", "太阳能电池组件, \"双面\"\n及其制造方法"},
            new String[] {"en", "Machine learning model for \"big data\" streams,\n\nwith two blank-line separated parts"});

    /** "a" or "an" before an English noun phrase. */
    static String withArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    static Theme pickTheme(SplittableRandom random) {
        double total = 0;
        for (Theme theme : THEMES) {
            total += theme.weight();
        }
        double target = random.nextDouble() * total;
        for (Theme theme : THEMES) {
            target -= theme.weight();
            if (target < 0) {
                return theme;
            }
        }
        return THEMES.get(THEMES.size() - 1);
    }

    static int pickCountry(SplittableRandom random) {
        double total = 0;
        for (Country country : COUNTRIES) {
            total += country.weight();
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < COUNTRIES.size(); i++) {
            target -= COUNTRIES.get(i).weight();
            if (target < 0) {
                return i;
            }
        }
        return COUNTRIES.size() - 1;
    }

    static int countryIndex(String code) {
        for (int i = 0; i < COUNTRIES.size(); i++) {
            if (COUNTRIES.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such country in the vocabulary: " + code);
    }

    /**
     * Pads an IPC group the way PATSTAT stores it: subclass, main group right-aligned in four
     * characters, slash, subgroup ({@code H01L  21/677}, {@code A61K   9/00}).
     */
    static String padIpc(String group) {
        String subclass = group.substring(0, 4);
        String rest = group.substring(5);
        int slash = rest.indexOf('/');
        String main = rest.substring(0, slash);
        return subclass + " ".repeat(Math.max(0, 4 - main.length())) + main + rest.substring(slash);
    }
}
