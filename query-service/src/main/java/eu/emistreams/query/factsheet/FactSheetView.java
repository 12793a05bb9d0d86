package eu.emistreams.query.factsheet;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** What the fact sheet templates show: the content with its charts drawn and its links resolved. */
@TemplateData
public record FactSheetView(
        String country,
        String countryName,
        String version,
        String generatedAt,
        List<HighlightGroup> highlights,
        List<DataSourceLine> dataSources,
        List<SectionView> sections,
        List<ReleaseChangesView> releaseChanges,
        String pdfHref,
        String eventsHref,
        String fragmentHref) {

    /** One source of the data, the releases in use and the concordance it was classified with. */
    @TemplateData
    public record DataSourceLine(String name, String description, String releases, String concordance, boolean ingested) {
    }

    /**
     * What one source's last release changed: a heading, a summary, the largest revisions and the
     * link to all of them in {@code GET /api/revisions}.
     */
    @TemplateData
    public record ReleaseChangesView(String id, String heading, String summary, boolean hasTable, DataTable table,
            String revisionsHref) {
    }

    @TemplateData
    public record SectionView(String id, String title, List<PartView> parts) {
    }

    @TemplateData
    public record PartView(List<Sentence> text, FigureView figure) {
    }

    /** A figure ready to show: its SVG is markup the page must not escape. */
    @TemplateData
    public record FigureView(int number, String id, String title, boolean hasChart, RawString svg, String noDataMessage,
            DataTable table, String sourceLine, String provisionalNote) {

        public FigureView(int number, String id, String title, boolean hasChart, RawString svg, String noDataMessage,
                DataTable table, String sourceLine) {
            this(number, id, title, hasChart, svg, noDataMessage, table, sourceLine, "");
        }
    }
}
