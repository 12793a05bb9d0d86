package eu.emistreams.query.export;

import eu.emistreams.query.api.Problem;
import eu.emistreams.query.api.QueryParameters;
import eu.emistreams.query.serving.IndicatorFilter;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import eu.emistreams.query.serving.InteractiveQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/export}: the answer of {@code GET /api/indicators} to the same filters as a data
 * package, CSV or XLSX, with code labels, units and the provenance of every value.
 */
@Path("/api/export")
@Tag(name = "Data packages", description = "Indicator values as CSV or XLSX files")
public class ExportResource {

    static final Set<String> PARAMETERS = Set.of("indicator", "country", "code", "year", "format");

    @Inject
    InteractiveQueries queries;

    @Inject
    ExportConfig config;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({ExportFormat.CSV_MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @Operation(summary = "Indicator values as a CSV or XLSX file",
            description = "The filters of /api/indicators, with the same answers to bad ones; format=csv|xlsx, else the "
                    + "Accept header, else CSV. Columns: indicator, country, code, code_label, year, value, unit, "
                    + "source_releases, concordance_version. Refused with 413 above emi.query.export.max-rows rows.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=..."),
            content = {
                @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "A malformed parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "An unknown indicator, country or code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More rows than emi.query.export.max-rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The stores are not ready yet",
            headers = @Header(name = "Retry-After", description = "seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "Indicator name, e.g. patent.world_share")
            @QueryParam("indicator") List<String> indicator,
            @Parameter(description = "ISO 3166-1 alpha-2 country code (GR for Greece), or ZZ for unknown")
            @QueryParam("country") List<String> country,
            @Parameter(description = "Ecosystem or technology code, e.g. AGRI or D.AI")
            @QueryParam("code") List<String> code,
            @Parameter(description = "Year, e.g. 2020; 0 for totals over years")
            @QueryParam("year") List<String> year,
            @Parameter(description = "csv or xlsx; when absent, the Accept header decides, CSV by default",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"}))
            @QueryParam("format") String format) {
        QueryParameters.requireOnly(uri, PARAMETERS);
        IndicatorFilter filter = IndicatorFilter.parse(indicator, country, code, year);
        ExportFormat chosen = ExportFormat.choose(format, headers.getAcceptableMediaTypes());
        List<IndicatorRowWithProvenance> rows = queries.indicatorsWithProvenance(filter);
        requireWithinLimit(rows.size(), config.maxRows());
        // Each line is made as it is written, from the rows the query holds anyway.
        Iterable<ExportRow> exported = () -> rows.stream().map(ExportRow::of).iterator();
        Instant now = Instant.now();
        String query = uri.getRequestUri().getRawQuery();
        StreamingOutput body = chosen == ExportFormat.CSV
                ? out -> CsvExport.write(exported, out)
                : out -> XlsxExport.write(exported, query, now, out);
        return Response.ok(body, chosen.contentType())
                .header("Content-Disposition", "attachment; filename=\"emi-indicators." + chosen.extension() + "\"")
                .header("Vary", "Accept")
                .build();
    }

    /** @throws ExportTooLargeException above {@code maxRows} rows, answered 413 */
    static void requireWithinLimit(int rows, int maxRows) {
        if (rows > maxRows) {
            throw new ExportTooLargeException(rows, maxRows);
        }
    }
}
