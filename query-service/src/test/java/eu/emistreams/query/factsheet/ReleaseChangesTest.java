package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.query.serving.IndicatorRevision;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The "What changed with the last release" section: which values count, their order and their words. */
class ReleaseChangesTest {

    private static final String OLD = "2023-autumn";
    private static final String NEW = "2024-spring";

    private static IndicatorRowWithProvenance patent(String indicator, String code, int year, double value,
            String release, Double previous) {
        return new IndicatorRowWithProvenance(indicator, "BE", code, year, value, Map.of("patstat", release), "c-1", previous);
    }

    @Test
    void countsWhatTheReleaseChangedAndOrdersTheRevisionsByRelativeChange() {
        List<IndicatorRowWithProvenance> rows = List.of(
                // 10.0 -> 12.0: 2 / 12 = 0.1667
                patent(FactSheetAssembler.WORLD_SHARE, "AGRI", 2020, 12.0, NEW, 10.0),
                // rank 8 -> 4: 4 / 8 = 0.5, first
                patent(FactSheetAssembler.EU27_RANK, "AGRI", 2020, 4, NEW, 8.0),
                // 100 -> 101: 1 / 101, last
                patent(FactSheetAssembler.PATENT_COUNT, "AGRI", 2020, 101, NEW, 100.0),
                // published for the first time by the new release
                patent(FactSheetAssembler.WORLD_SHARE, "AGRI", 2021, 3.0, NEW, null),
                // last changed by the older release: not this release's change
                patent(FactSheetAssembler.WORLD_SHARE, "TEXT", 2020, 5.0, OLD, 4.0),
                // another source under a release of the same name
                new IndicatorRowWithProvenance(FactSheetAssembler.TRADE_BALANCE, "BE", "AGRI", 2020, 7.0,
                        Map.of("comtrade", NEW), "c-1", 6.0));

        ReleaseChanges changes = ReleaseChanges.of(DataSource.PATENTS, NEW, "COMPLETED", rows, 10);

        assertEquals(Optional.of(NEW), changes.release());
        assertEquals(3, changes.revised());
        assertEquals(1, changes.added());
        assertEquals(List.of(FactSheetAssembler.EU27_RANK, FactSheetAssembler.WORLD_SHARE, FactSheetAssembler.PATENT_COUNT),
                changes.largest().stream().map(IndicatorRevision::indicator).toList());
        assertEquals(List.of(-4.0, 2.0, 1.0), changes.largest().stream().map(IndicatorRevision::difference).toList());

        ReleaseChanges limited = ReleaseChanges.of(DataSource.PATENTS, NEW, "COMPLETED", rows, 1);
        assertEquals(3, limited.revised(), "the count is of every revision, not of those listed");
        assertEquals(1, limited.largest().size());
        assertEquals("It revised 3 of Belgium's fact sheet values and published 1 new one. The 1 largest revisions, by relative change:",
                ReleaseChangesText.summary("Belgium", limited));
        assertEquals("It revised 3 of Belgium's fact sheet values and published 1 new one. The revisions, largest relative change first:",
                ReleaseChangesText.summary("Belgium", changes));
    }

    @Test
    void aReleaseThatChangedNothingOrOnlyAddedSaysSo() {
        List<IndicatorRowWithProvenance> rows = List.of(patent(FactSheetAssembler.WORLD_SHARE, "AGRI", 2020, 12.0, OLD, null));
        assertEquals("It changed none of Belgium's fact sheet values.",
                ReleaseChangesText.summary("Belgium", ReleaseChanges.of(DataSource.PATENTS, NEW, "COMPLETED", rows, 10)));
        ReleaseChanges first = ReleaseChanges.of(DataSource.PATENTS, OLD, "COMPLETED", rows, 10);
        assertEquals(0, first.revised());
        assertEquals(1, first.added());
        assertEquals("It published 1 of Belgium's fact sheet values for the first time.", ReleaseChangesText.summary("Belgium", first));
        // A value published again unchanged (same decimals) is no revision.
        ReleaseChanges unchanged = ReleaseChanges.of(DataSource.PATENTS, NEW, "COMPLETED",
                List.of(patent(FactSheetAssembler.WORLD_SHARE, "AGRI", 2020, 12.0, NEW, 12.0)), 10);
        assertEquals(0, unchanged.revised());
        assertEquals(0, unchanged.added());
    }

    @Test
    void thePageShowsEachSourceWithItsLargestRevisionsAndTheLinkToAllOfThem() throws Exception {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>(FactSheetFixture.belgium());
        // Belgium's Agri-Food world share of 2020 as revised by the fixture's PATSTAT release.
        IndicatorRowWithProvenance agri = rows.stream()
                .filter(row -> row.indicator().equals(FactSheetAssembler.WORLD_SHARE) && row.code().equals("AGRI")
                        && row.year() == 2020)
                .findFirst().orElseThrow();
        rows.remove(agri);
        rows.add(new IndicatorRowWithProvenance(agri.indicator(), agri.country(), agri.code(), agri.year(), agri.value(),
                agri.releases(), agri.concordanceVersion(), agri.value() - 0.5));
        FactSheetData data = FactSheetAssembler.assemble("BE", rows, new TreeSet<>(), 0, Map.of(
                DataSource.PATENTS, new ReleaseChanges.LastRelease(FactSheetFixture.PATSTAT_RELEASE, "COMPLETED"),
                DataSource.TRADE, new ReleaseChanges.LastRelease("comtrade-2025", "RUNNING")));

        String html = new FactSheetPage(StandaloneTemplates.engine()).page(FactSheetContent.of(data),
                Instant.parse("2026-12-07T10:00:00Z"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.strip().getBytes(StandardCharsets.UTF_8)));
        Element patents = byId(document, "changes-patstat");
        String text = patents.getTextContent();
        assertTrue(text.contains("PATSTAT, release " + FactSheetFixture.PATSTAT_RELEASE), text);
        long fixtureValues = FactSheetFixture.belgium().stream()
                .filter(row -> DataSource.of(row.indicator()) == DataSource.PATENTS).count();
        assertTrue(text.contains("It revised 1 of Belgium's fact sheet values and published " + (fixtureValues - 1) + " new ones."), text);
        String expectedRow = "World share (%)Agri-Food2020" + Numbers.percent(agri.value() - 0.5)
                + Numbers.percent(agri.value()) + "+0.50";
        assertTrue(patents.getElementsByTagName("tbody").item(0).getTextContent().replace("\n", "").contains(expectedRow),
                patents.getTextContent());
        assertTrue(html.contains("href=\"/api/revisions?release=" + FactSheetFixture.PATSTAT_RELEASE + "&amp;country=BE\""));

        // Trade: the fixture's values came with another release, so the one being ingested changed none yet.
        String trade = byId(document, "changes-comtrade").getTextContent();
        assertTrue(trade.contains("UN Comtrade, release comtrade-2025 (running)"), trade);
        assertTrue(trade.contains("It changed none of Belgium's fact sheet values."), trade);
        assertFalse(trade.contains("Before"), "no table without a revision");
        assertTrue(byId(document, "changes-crunchbase").getTextContent().contains("No Crunchbase data ingested yet"));

        // The PDF is made from the same page: the section is in it.
        String pdfText = PdfFigures.read(FactSheetPdf.render(html, "http://127.0.0.1/factsheet/BE", "Belgium")).text();
        assertTrue(pdfText.contains("What changed with the last release"), "the PDF has the section");
        assertTrue(pdfText.contains("UN Comtrade, release comtrade-2025 (running)"), "the PDF names the release");
    }

    private static Element byId(Document document, String id) {
        org.w3c.dom.NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        throw new AssertionError("no element #" + id);
    }
}
