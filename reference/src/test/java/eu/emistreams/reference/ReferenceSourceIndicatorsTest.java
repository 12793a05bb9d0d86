package eu.emistreams.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.reference.ReferenceSourceIndicators.Accounting;
import eu.emistreams.reference.ReferenceSourceIndicators.Result;
import eu.emistreams.sampledata.ComtradeGenerator;
import eu.emistreams.sampledata.CrunchbaseGenerator;
import eu.emistreams.sampledata.FileCompression;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.ProdcomGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference on hand-made files whose indicators are worked out by hand, and on generated
 * releases, whose generator counts independently what it wrote and spoiled.
 */
class ReferenceSourceIndicatorsTest {

    private static final ConcordanceRules RULES = ConcordanceRules.parse(String.join("\n",
            ConcordanceRules.HEADER,
            "HS6,8541,TECHNOLOGY,G.REN.SOLAR",
            "HS6,854140,ECOSYSTEM,ELEC",
            "PRODCOM8,261122,ECOSYSTEM,ELEC",
            "CB_CATEGORY,Solar,TECHNOLOGY,G.REN.SOLAR",
            "CB_CATEGORY,robotics,TECHNOLOGY,D.AMR.ROB",
            ""));

    @TempDir
    Path temp;

    @Test
    void tradeCountsWorldTotalsOfSixDigitCodesOnlyAndRanksTheBalances() throws IOException {
        Path release = Files.createDirectories(temp.resolve("trade"));
        Files.writeString(release.resolve("flows.csv"), String.join("\n",
                "refYear,reporterISO,flowCode,partnerCode,cmdCode,customsCode,motCode,primaryValue",
                "2020,BEL,X,0,854140,C00,0,300",
                "2020,BEL,M,0,854140,C00,0,100",
                "2020,BEL,M,0,854140,C00,0,999", // the key again: rejected
                "2020,BEL,X,4,854140,C00,0,5000", // a single partner: ignored
                "2020,BEL,X,0,8541,C00,0,5000", // a heading: ignored
                "2020,BEL,X,0,854140,C01,0,5000", // a customs split: ignored
                "2020,DEU,X,0,854190 ,C00,0,50",
                "2020,DEU,M,0,854190,C00,0,150",
                "2020,FRA,X,0,010121,C00,0,NA", // no value: rejected
                "2020,USA,X,0,854140,C00,0,1,234", // malformed (one field too many): rejected
                "2020,S19,M,0,010121,C00,0,7",
                ""), StandardCharsets.UTF_8);
        Result result = ReferenceSourceIndicators.trade(release, RULES);
        assertEquals(new Accounting(11, 5, 3, 0, 3), result.accounting());
        assertEquals(Fraction.of(300, 1), value(result, "trade.exports", "BE", "ELEC", 2020));
        assertEquals(Fraction.of(300, 1), value(result, "trade.exports", "BE", "G.REN", 2020));
        assertEquals(Fraction.of(50, 1), value(result, "trade.balance", "BE", "ELEC", 2020));
        assertEquals(Fraction.of(-50, 1), value(result, "trade.balance", "DE", "G.REN.SOLAR", 2020));
        assertEquals(Fraction.of(1, 1), value(result, "trade.eu27_rank", "BE", "G.REN.SOLAR", 2020));
        assertEquals(Fraction.of(2, 1), value(result, "trade.eu27_rank", "DE", "G.REN.SOLAR", 2020));
        // A reporter without a flow of the code has zeros, no balance and no rank; ZZ reports too.
        assertEquals(Fraction.ZERO, value(result, "trade.exports", "DE", "ELEC", 2020));
        assertFalse(result.indicators().containsKey(new IndicatorId("trade.balance", "DE", "ELEC", 2020)));
        assertEquals(Fraction.ZERO, value(result, "trade.imports", "ZZ", "ELEC", 2020));
        assertFalse(result.indicators().containsKey(new IndicatorId("trade.exports", "FR", "ELEC", 2020)));
        // The EU27 economy: BE and DE's reported flows summed; it has a balance, no rank.
        assertEquals(Fraction.of(350, 1), value(result, "trade.exports", "EU27", "G.REN.SOLAR", 2020));
        assertEquals(Fraction.of(250, 1), value(result, "trade.imports", "EU27", "G.REN.SOLAR", 2020));
        assertEquals(Fraction.of(50, 3), value(result, "trade.balance", "EU27", "G.REN.SOLAR", 2020));
        assertEquals(Fraction.of(50, 1), value(result, "trade.balance", "EU27", "ELEC", 2020));
        assertFalse(result.indicators().containsKey(new IndicatorId("trade.eu27_rank", "EU27", "ELEC", 2020)));
        // BE, DE, ZZ and EU27 x 32 x 2 flows; balances BE 3, DE 2, EU27 3; ranks BE 3, DE 2.
        assertEquals(4 * 32 * 2 + 5 + 3 + 5, result.indicators().size());
    }

    @Test
    void productionSharesAreOfTheReporterAndOfTheReportingMembers() throws IOException {
        Path release = Files.createDirectories(temp.resolve("production"));
        Files.writeString(release.resolve("prodcom.csv"), String.join("\n",
                "freq,reporter,product,indicators,TIME_PERIOD,OBS_VALUE,OBS_FLAG",
                "A,BE,26.11.22.40,PRODVAL,2019,30,",
                "A,BE,10111100,PRODVAL,2019,70,",
                "A,DE,26112240,PRODVAL,2019,90,p",
                "A,DE,26112200,PRODVAL,2019,5,c", // confidential: quality
                "A,EL,26112240,PRODVAL,2019,:,", // no value: quality
                "A,NO,26112240,PRODVAL,2019,1000,",
                "A,EU27_2020,26112240,PRODVAL,2019,125,", // aggregate: ignored
                "A,BE,26112240,PRODQNT,2019,4,", // not PRODVAL: ignored
                "A,BE,2611224,PRODVAL,2019,4,", // 7 digits: rejected
                ""), StandardCharsets.UTF_8);
        Result result = ReferenceSourceIndicators.production(release, RULES);
        assertEquals(new Accounting(9, 4, 2, 2, 1), result.accounting());
        assertEquals(Fraction.of(30, 1), value(result, "production.tech_share", "BE", "ELEC", 2019));
        assertEquals(Fraction.of(25, 1), value(result, "production.eu_share", "BE", "ELEC", 2019));
        assertEquals(Fraction.of(75, 1), value(result, "production.eu_share", "DE", "ELEC", 2019));
        assertEquals(Fraction.of(100, 1), value(result, "production.tech_share", "NO", "ELEC", 2019));
        assertFalse(result.indicators().containsKey(new IndicatorId("production.eu_share", "NO", "ELEC", 2019)));
        assertFalse(result.indicators().containsKey(new IndicatorId("production.value", "GR", "ELEC", 2019)));
        assertEquals(Fraction.ZERO, value(result, "production.eu_share", "DE", "AERO", 2019));
        // The EU27 economy: BE 30 + DE 90 of ELEC, of the members' 190 in all; no share of itself.
        assertEquals(Fraction.of(120, 1), value(result, "production.value", "EU27", "ELEC", 2019));
        assertEquals(Fraction.of(1200, 19), value(result, "production.tech_share", "EU27", "ELEC", 2019));
        assertFalse(result.indicators().containsKey(new IndicatorId("production.eu_share", "EU27", "ELEC", 2019)));
    }

    @Test
    void investmentCountsPeVcRoundsPerYearAndInTheTotalOf2015To2023() throws IOException {
        Path release = Files.createDirectories(temp.resolve("investment"));
        Files.writeString(release.resolve("organizations.csv"), String.join("\n",
                "uuid,name,country_code,category_list",
                "o1,Sun,BEL,\"Solar, Robotics,Solar\"",
                "o2,Bot,USA,Robotics",
                "o3,Idle,FRA,Solar", // no round: ignored
                ""), StandardCharsets.UTF_8);
        Files.writeString(release.resolve("funding_rounds.csv"), String.join("\n",
                "uuid,org_uuid,investment_type,announced_on,raised_amount_usd",
                "r1,o1,seed,2020-05-01,100.5",
                "r2,o1,Series_A,2024-01-01,",
                "r3,o1,grant,2020-06-01,1000", // published, not PE/VC
                "r4,o2,angel,2016-02-29,10",
                "r5,o2,angel,2016-02-30,10", // no such date: rejected
                "r6,o9,angel,2016-01-01,10", // orphan: rejected
                "r1,o2,angel,2016-01-01,10", // repeated uuid: rejected
                ""), StandardCharsets.UTF_8);
        Result result = ReferenceSourceIndicators.investment(release, RULES);
        assertEquals(new Accounting(10, 6, 1, 0, 3), result.accounting());
        assertEquals(new Fraction(java.math.BigInteger.valueOf(201), java.math.BigInteger.TWO),
                value(result, "investment.pe_vc_usd", "BE", "G.REN", 2020));
        assertEquals(Fraction.ONE, value(result, "investment.rounds", "BE", "D.AMR", 2024));
        assertEquals(Fraction.ZERO, value(result, "investment.pe_vc_usd", "BE", "D.AMR", 2024));
        assertEquals(Fraction.of(2, 1), value(result, "investment.rounds", "BE", "D.AMR", 0)
                .plus(value(result, "investment.rounds", "US", "D.AMR", 0)));
        assertEquals(Fraction.ZERO, value(result, "investment.rounds", "MT", "AERO", 2016));
        assertEquals(Fraction.ZERO, value(result, "investment.rounds", "US", "AERO", 2020), "a peer has zeros");
        // The EU27 economy: BE's seed round of 2020 in the total, not the US's angel round.
        assertEquals(Fraction.ONE, value(result, "investment.rounds", "EU27", "D.AMR", 0));
        assertEquals(Fraction.of(201, 2), value(result, "investment.pe_vc_usd", "EU27", "D.AMR", 0));
        assertEquals(Fraction.ZERO, value(result, "investment.rounds", "EU27", "D.AMR", 2016));
        // Years 2016, 2020, 2024 and 0, each with the EU27, the 4 peers (US among them) and EU27.
        assertEquals(4 * 32 * 32 * 2, result.indicators().size());
    }

    @ParameterizedTest
    @EnumSource(FileCompression.class)
    void agreesWithWhatTheGeneratorsCountedTheyWrote(FileCompression compression) throws IOException {
        ConcordanceRules none = ConcordanceRules.parse(ConcordanceRules.HEADER + "\n");
        ComtradeGenerator comtrade = new ComtradeGenerator(compression);
        GeneratedRelease trade = comtrade.revise(comtrade.generate(temp.resolve("c1"), 7, 2_000).directory(),
                temp.resolve("c2"), 8, 0.1);
        Accounting tradeRows = ReferenceSourceIndicators.trade(trade.directory(), none).accounting();
        assertEquals(trade.fact("rows"), tradeRows.read());
        assertEquals(trade.fact("rows.hs6_total"), tradeRows.published());
        assertEquals(trade.fact("rows.na_value") + trade.fact("rows.thousands_separator") + trade.fact("rows.repeated_key"),
                tradeRows.rejected());

        ProdcomGenerator prodcom = new ProdcomGenerator(compression);
        GeneratedRelease production = prodcom.revise(prodcom.generate(temp.resolve("p1"), 7, 2_000).directory(),
                temp.resolve("p2"), 8, 0.1);
        Accounting productionRows = ReferenceSourceIndicators.production(production.directory(), none).accounting();
        assertEquals(production.fact("rows"), productionRows.read());
        assertEquals(production.fact("rows.prodval"), productionRows.published());
        assertEquals(production.fact("rows.confidential_flagged") + production.fact("rows.missing_value"),
                productionRows.quality());
        assertEquals(production.fact("rows.greece_overlap") + production.fact("rows.bad_product"),
                productionRows.rejected());

        CrunchbaseGenerator crunchbase = new CrunchbaseGenerator(compression);
        GeneratedRelease investment = crunchbase.revise(crunchbase.generate(temp.resolve("b1"), 7, 1_000).directory(),
                temp.resolve("b2"), 8, 0.1);
        Accounting investmentRows = ReferenceSourceIndicators.investment(investment.directory(), none).accounting();
        assertEquals(investment.fact("organizations.rows") + investment.fact("rounds.rows"), investmentRows.read());
        assertEquals(investment.fact("rounds.published") + investment.fact("organizations.with_published_round"),
                investmentRows.published());
        assertEquals(investment.fact("organizations.without_published_round"), investmentRows.ignored());
        assertEquals(investment.fact("rounds.bad_date") + investment.fact("rounds.blank_type")
                + investment.fact("rounds.repeated") + investment.fact("rounds.orphan"), investmentRows.rejected());
        assertTrue(investmentRows.published() > 0 && productionRows.published() > 0 && tradeRows.published() > 0);
    }

    private static Fraction value(Result result, String indicator, String country, String code, int year) {
        Fraction value = result.indicators().get(new IndicatorId(indicator, country, code, year));
        assertTrue(value != null, "no " + indicator + "/" + country + "/" + code + "/" + year);
        return value;
    }
}
