package eu.emistreams.classifier.concordance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.classifier.rules.Classifier;
import eu.emistreams.classifier.rules.Rule;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.classifier.rules.Scheme;
import eu.emistreams.events.codes.Dimension;
import eu.emistreams.events.codes.EmiCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped default concordance loads, covers every code of indicators.md §1, and is documented. */
class ShippedConcordanceTest {

    private static final RuleSet SHIPPED = ShippedConcordance.load();

    /** The ecosystems with traded goods; the EMI fact sheets show trade for these ten. */
    private static final Set<String> TRADE_ECOSYSTEMS =
            Set.of("AERO", "AGRI", "CONS", "DIGI", "ELEC", "EII", "REN", "HEAL", "MOB", "TEXT");

    @Test
    void everyCodeHasIpcKeywordAndCrunchbaseRules() {
        for (String code : EmiCodes.ALL) {
            Set<Scheme> schemes = schemesOf(code);
            assertTrue(schemes.contains(Scheme.IPC), code + " has no IPC rule");
            assertTrue(schemes.contains(Scheme.KEYWORD), code + " has no KEYWORD rule");
        }
        for (String code : EmiCodes.ALL) {
            if (!Set.of("D.MNP").contains(code)) {
                assertTrue(schemesOf(code).contains(Scheme.CB_CATEGORY), code + " has no CB_CATEGORY rule");
            }
        }
    }

    @Test
    void tradeEcosystemsAndLeafTechnologiesHaveGoodsRules() {
        for (String code : TRADE_ECOSYSTEMS) {
            assertTrue(schemesOf(code).contains(Scheme.HS6), code + " has no HS6 rule");
            assertTrue(schemesOf(code).contains(Scheme.PRODCOM8), code + " has no PRODCOM8 rule");
        }
        for (String code : List.of("G.AMN", "G.BIO", "G.ESE", "G.REN.SOLAR", "G.REN.WIND", "G.REN.OTHER", "D.AMR.AM",
                "D.AMR.ROB", "D.MOB", "D.MNP.MNE", "D.MNP.PHO")) {
            assertTrue(schemesOf(code).containsAll(Set.of(Scheme.HS6, Scheme.PRODCOM8)), code + " lacks goods rules");
        }
    }

    @Test
    void dimensionsMatchTheCodes() {
        for (Rule rule : SHIPPED.rules()) {
            assertEquals(EmiCodes.dimensionOf(rule.code()).orElseThrow(), rule.dimension(), rule.toString());
        }
        assertTrue(SHIPPED.rules().stream().anyMatch(r -> r.dimension() == Dimension.ECOSYSTEM));
    }

    @Test
    void classifiesTypicalApplications() {
        Classifier classifier = Classifier.compile(SHIPPED);
        assertEquals(List.of("G.REN", "G.REN.SOLAR", "REN"),
                classifier.classifyPatent(List.of("H02S40/44"), null, null));
        assertTrue(classifier.classifyPatent(List.of("F03D1/06"), "Wind turbine blade", null)
                .containsAll(List.of("G.REN", "G.REN.WIND", "REN")));
        assertTrue(classifier.classifyPatent(List.of("G06N3/08"), "Training a neural network", null)
                .containsAll(List.of("D.AI", "DIGI")));
        assertTrue(classifier.classifyPatent(List.of("A23L2/52"), "Beverage", null).contains("AGRI"));
        assertTrue(classifier.classifyHs6("854143").containsAll(List.of("G.REN.SOLAR", "REN", "ELEC")));
        assertTrue(classifier.classifyProdcom8("26.11.22.40").containsAll(List.of("G.REN.SOLAR", "REN")));
        assertTrue(classifier.classifyCategories(List.of("Artificial Intelligence")).contains("D.AI"));
    }

    /** docs/concordance.md lists, under the heading of each code, every pattern of that code's rules. */
    @Test
    void everyRuleIsDocumented() throws IOException {
        Path doc = Path.of("..", "docs", "concordance.md");
        Map<String, List<String>> rowsByCode = new HashMap<>();
        String current = null;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.startsWith("### ")) {
                current = line.substring(4).split(" ")[0];
                rowsByCode.put(current, new ArrayList<>());
            } else if (current != null && line.startsWith("| ")) {
                rowsByCode.get(current).add(line);
            }
        }
        assertEquals(Set.copyOf(EmiCodes.ALL), Set.copyOf(rowsByCode.keySet()));
        List<String> undocumented = new ArrayList<>();
        for (Rule rule : SHIPPED.rules()) {
            boolean documented = rowsByCode.get(rule.code()).stream()
                    .anyMatch(row -> row.startsWith("| " + rule.scheme() + " |") && row.contains("`" + rule.pattern() + "`"));
            if (!documented) {
                undocumented.add(rule.toString());
            }
        }
        assertEquals(List.of(), undocumented);
        long documentedPatterns = rowsByCode.values().stream().flatMap(List::stream)
                .mapToLong(row -> row.chars().filter(c -> c == '`').count() / 2).sum();
        assertEquals(SHIPPED.rules().size(), documentedPatterns, "the doc lists a pattern the file does not hold");
    }

    private static Set<Scheme> schemesOf(String code) {
        return SHIPPED.rules().stream().filter(r -> r.code().equals(code)).map(Rule::scheme).collect(Collectors.toSet());
    }
}
