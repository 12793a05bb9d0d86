package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.export.ExportFormat;
import eu.emistreams.query.export.FactSheetWorkbook;
import eu.emistreams.query.serving.IndicatorFilter;
import eu.emistreams.query.serving.InteractiveQueries;
import eu.emistreams.query.serving.MalformedParameterException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The country fact sheets (interfaces.md): {@code GET /factsheet/{country}} as an HTML page that
 * follows new data, {@code GET /factsheet/{country}.pdf} as the same document in PDF, an index of
 * the EU27 and a comparison of one indicator across them. Errors are the API's JSON problems.
 */
@Path("/factsheet")
@Tag(name = "Fact sheets", description = "Country fact sheets generated from the indicators")
public class FactSheetResource {

    private static final String COUNTRY = "{country: [A-Za-z]{2}}";
    private static final String JAVASCRIPT = "text/javascript";

    @Inject
    FactSheetService sheets;

    @Inject
    FactSheetChanges changes;

    @Inject
    InteractiveQueries queries;

    @Inject
    Engine engine;

    @Context
    UriInfo uri;

    private FactSheetPage page;

    @PostConstruct
    void init() {
        page = new FactSheetPage(engine);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Index of the fact sheets of the EU27 member states")
    public String index() {
        requireOnly(Set.of());
        List<MemberState> members = EmiCodes.EU27.stream()
                .map(country -> new MemberState(country, CodeLabels.countryName(country)))
                .sorted(java.util.Comparator.comparing(MemberState::name))
                .toList();
        return engine.getTemplate("factsheet/index.html").data("members", members).render();
    }

    @GET
    @Path(COUNTRY)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A member state's fact sheet as an HTML page",
            description = "With fragment=true, only the element that holds the data, which the live page swaps in.")
    public String factSheet(@PathParam("country") String country, @QueryParam("fragment") String fragment) {
        requireOnly(Set.of("fragment"));
        FactSheetContent content = sheets.content(country);
        return "true".equals(fragment) ? page.body(content, Instant.now()) : page.page(content, Instant.now());
    }

    @GET
    @Path(COUNTRY + ".pdf")
    @Produces("application/pdf")
    @Operation(summary = "A member state's fact sheet as PDF, figures included")
    public Response pdf(@PathParam("country") String country) {
        requireOnly(Set.of());
        FactSheetContent content = sheets.content(country);
        String code = content.data().country();
        byte[] pdf = FactSheetPdf.render(page.page(content, Instant.now()), uri.getBaseUri().resolve("factsheet/" + code).toString(),
                content.data().countryName());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"emi-factsheet-" + code + ".pdf\"")
                .build();
    }

    @GET
    @Path(COUNTRY + ".xlsx")
    @Produces(ExportFormat.XLSX_MEDIA_TYPE)
    @Operation(summary = "A member state's fact sheet as XLSX: one sheet per figure with the page's numbers, then definitions and sources")
    public Response xlsx(@PathParam("country") String country) {
        requireOnly(Set.of());
        FactSheetContent content = sheets.content(country);
        String code = content.data().country();
        return Response.ok(FactSheetWorkbook.render(FactSheetPage.view(content, Instant.now())), ExportFormat.XLSX_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"emi-factsheet-" + code + ".xlsx\"")
                .build();
    }

    @GET
    @Path(COUNTRY + "/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "Server-sent events: the fact sheet's content version, now and after every change")
    public Multi<String> events(@PathParam("country") String country) {
        return changes.versions(country);
    }

    @GET
    @Path("compare")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One indicator for one code across the EU27 member states",
            description = "indicator defaults to patent.world_share, code to AGRI, year to the latest year with data.")
    public String compare(@QueryParam("indicator") String indicator, @QueryParam("code") String code,
            @QueryParam("year") String year) {
        requireOnly(Set.of("indicator", "code", "year"));
        String chosenIndicator = blank(indicator) ? Comparison.DEFAULT_INDICATOR : indicator.strip().toLowerCase(Locale.ROOT);
        String chosenCode = blank(code) ? Comparison.DEFAULT_CODE : code.strip().toUpperCase(Locale.ROOT);
        // Parsing validates every name: 400 for a malformed year, 404 for an unknown indicator or code.
        IndicatorFilter.parse(List.of(chosenIndicator), null, List.of(chosenCode), blank(year) ? null : List.of(year));
        OptionalInt requestedYear = blank(year) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(year.strip()));
        IndicatorFilter everyYear = IndicatorFilter.parse(List.of(chosenIndicator), List.copyOf(EmiCodes.EU27),
                List.of(chosenCode), null);
        Comparison.ComparisonView view = Comparison.view(chosenIndicator, chosenCode, requestedYear,
                queries.indicatorsWithProvenance(everyYear));
        return engine.getTemplate("factsheet/compare.html").data("comparison", view).render();
    }

    @GET
    @Path("factsheet.js")
    @Produces(JAVASCRIPT)
    @Operation(hidden = true)
    public Response script() {
        try (InputStream in = FactSheetResource.class.getResourceAsStream("/factsheet/factsheet.js")) {
            if (in == null) {
                throw new IllegalStateException("factsheet/factsheet.js is missing from the application");
            }
            return Response.ok(in.readAllBytes(), JAVASCRIPT + ";charset=UTF-8")
                    .header("Cache-Control", "no-cache")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A member state on the index page. */
    @TemplateData
    public record MemberState(String code, String name) {
    }

    private void requireOnly(Set<String> accepted) {
        Set<String> unknown = new TreeSet<>(uri.getQueryParameters().keySet());
        unknown.removeAll(accepted);
        if (!unknown.isEmpty()) {
            throw new MalformedParameterException(unknown.iterator().next(),
                    "unknown query parameter " + unknown + "; the parameters are " + new TreeSet<>(accepted));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
