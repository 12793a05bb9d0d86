package eu.emistreams.query.api;

import eu.emistreams.query.serving.IndicatorFilter;
import eu.emistreams.query.serving.IndicatorRow;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import eu.emistreams.query.serving.InteractiveQueries;
import eu.emistreams.query.serving.Variants;
import eu.emistreams.query.serving.MalformedParameterException;
import eu.emistreams.query.serving.RemoteIndicatorClient;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What one instance asks another: the rows of the partitions the caller knows to be active here.
 * It answers from the local store only and never forwards, whatever it is asked (the one-hop guard).
 */
@Path(RemoteIndicatorClient.INTERNAL_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Calls between instances of the query service")
public class InternalIndicatorResource {

    private static final Set<String> PARAMETERS = Set.of("indicator", "country", "code", "year", "local", "partition",
            "variant");

    @Inject
    InteractiveQueries queries;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Indicator values of this instance's partitions",
            description = "Used by the other instances; answers from the local store only.")
    public List<IndicatorRow> localIndicators(
            @Parameter(description = "Must be true: this endpoint answers locally and never forwards")
            @QueryParam("local") String local,
            @Parameter(description = "Partitions to answer; each must be active here. All local ones when absent")
            @QueryParam("partition") List<String> partition,
            @QueryParam("indicator") List<String> indicator,
            @QueryParam("country") List<String> country,
            @QueryParam("code") List<String> code,
            @QueryParam("year") List<String> year,
            @QueryParam("variant") String variant) {
        QueryParameters.requireOnly(uri, PARAMETERS);
        if (!"true".equals(local)) {
            throw new MalformedParameterException("local", "the internal endpoint answers only local=true");
        }
        IndicatorFilter filter = IndicatorFilter.parse(indicator, country, code, year).withVariant(Variants.checked(variant));
        return queries.localIndicators(filter, partitions(partition));
    }

    @GET
    @Path("with-provenance")
    @Operation(summary = "Indicator values of this instance's partitions, with their provenance",
            description = "Used by the other instances for the fact sheet's source lines; answers from the local store only.")
    public List<IndicatorRowWithProvenance> localIndicatorsWithProvenance(
            @QueryParam("local") String local,
            @QueryParam("partition") List<String> partition,
            @QueryParam("indicator") List<String> indicator,
            @QueryParam("country") List<String> country,
            @QueryParam("code") List<String> code,
            @QueryParam("year") List<String> year,
            @QueryParam("variant") String variant) {
        QueryParameters.requireOnly(uri, PARAMETERS);
        if (!"true".equals(local)) {
            throw new MalformedParameterException("local", "the internal endpoint answers only local=true");
        }
        IndicatorFilter filter = IndicatorFilter.parse(indicator, country, code, year).withVariant(Variants.checked(variant));
        return queries.localIndicatorsWithProvenance(filter,
                partitions(partition));
    }

    private static Set<Integer> partitions(List<String> values) {
        Set<Integer> partitions = new TreeSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                int partitionNumber = Integer.parseInt(value.trim());
                if (partitionNumber < 0) {
                    throw new NumberFormatException();
                }
                partitions.add(partitionNumber);
            } catch (NumberFormatException e) {
                throw new MalformedParameterException("partition", "partition must be a partition number, got '" + value + "'");
            }
        }
        return partitions;
    }
}
