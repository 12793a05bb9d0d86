package eu.emistreams.query.factsheet;

import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a {@link FactSheetContent} as XHTML, with the Qute templates {@code factsheet/page.html}
 * (the whole page) and {@code factsheet/body.html} (what the live page swaps in). The markup is
 * well-formed XML, so the PDF is made from the very same page.
 */
public final class FactSheetPage {

    public static final String PAGE_TEMPLATE = "factsheet/page.html";
    public static final String BODY_TEMPLATE = "factsheet/body.html";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final Map<DataSource, String> DESCRIPTIONS = Map.of(
            DataSource.PATENTS, "Transnational patent applications (PCT and direct EP filings), fractional counts by applicant country",
            DataSource.TRADE, "Exports and imports of technology-based products (HS6), reporter to world",
            DataSource.PRODUCTION, "Value of sold production of manufactured goods (PRODVAL)",
            DataSource.INVESTMENT, "Private equity and venture capital funding rounds of tech companies");

    private final Engine engine;

    public FactSheetPage(Engine engine) {
        this.engine = engine;
    }

    /** The whole page. */
    public String page(FactSheetContent content, Instant generatedAt) {
        return template(PAGE_TEMPLATE).data("sheet", view(content, generatedAt)).render();
    }

    /** The element that carries the data, for the live page to swap in. */
    public String body(FactSheetContent content, Instant generatedAt) {
        return template(BODY_TEMPLATE).data("sheet", view(content, generatedAt)).render();
    }

    public static FactSheetView view(FactSheetContent content, Instant generatedAt) {
        FactSheetData data = content.data();
        List<FactSheetView.SectionView> sections = new ArrayList<>();
        for (FactSheetContent.Section section : content.sections()) {
            List<FactSheetView.PartView> parts = new ArrayList<>();
            for (FactSheetContent.Part part : section.parts()) {
                parts.add(new FactSheetView.PartView(part.text(), figureView(part.figure())));
            }
            sections.add(new FactSheetView.SectionView(section.id(), section.title(), parts));
        }
        List<FactSheetView.DataSourceLine> sources = new ArrayList<>();
        for (DataSource source : DataSource.values()) {
            SourceReleases releases = data.provenanceOf(source);
            boolean ingested = data.hasData(source);
            sources.add(new FactSheetView.DataSourceLine(source.displayName(), DESCRIPTIONS.get(source),
                    ingested ? releasesText(releases) : source.noDataMessage(),
                    String.join(", ", releases.concordanceVersions()), ingested));
        }
        List<FactSheetView.ReleaseChangesView> changes = data.releaseChanges().stream()
                .map(sourceChanges -> ReleaseChangesText.view(data.country(), data.countryName(), sourceChanges))
                .toList();
        String base = "/factsheet/" + data.country();
        return new FactSheetView(data.country(), data.countryName(), data.version(), TIMESTAMP.format(generatedAt),
                content.highlights(), sources, sections, changes, base + ".pdf", base + "/events", base + "?fragment=true");
    }

    private static FactSheetView.FigureView figureView(Figure figure) {
        String id = "figure-" + figure.number();
        RawString svg = figure.hasChart() ? new RawString(FigureRenderer.svg(figure.chart().orElseThrow(), "f" + figure.number() + "-"))
                : new RawString("");
        DataTable table = figure.hasChart() ? figure.chart().orElseThrow().table() : new DataTable(List.of(), List.of());
        String provisionalNote = figure.hasChart() ? figure.chart().orElseThrow().provisionalNote() : "";
        return new FactSheetView.FigureView(figure.number(), id, figure.title(), figure.hasChart(), svg,
                figure.noDataMessage(), table, figure.sourceLine(), provisionalNote);
    }

    private static String releasesText(SourceReleases releases) {
        if (releases.releases().isEmpty()) {
            return "release not named";
        }
        return (releases.releases().size() == 1 ? "release " : "releases ") + Numbers.joinNames(List.copyOf(releases.releases()));
    }

    private Template template(String id) {
        return Objects.requireNonNull(engine.getTemplate(id), () -> "template " + id + " is missing");
    }
}
