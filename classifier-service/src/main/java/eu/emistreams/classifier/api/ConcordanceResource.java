package eu.emistreams.classifier.api;

import eu.emistreams.classifier.ClassifierConfig;
import eu.emistreams.classifier.concordance.ConcordanceInForce;
import eu.emistreams.classifier.concordance.ConcordancePublisher;
import eu.emistreams.classifier.concordance.ConcordanceRecords;
import eu.emistreams.classifier.concordance.ConcordanceRollout;
import eu.emistreams.classifier.rules.ConcordanceParser;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.classifier.topology.AppliedConcordances;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * Replaces the classification rules at run time (indicators.md §2) and tells which rules are in
 * force. A loaded file is validated whole, published on emi.concordance, and the answer waits
 * until every task of the classifier, on any instance, has re-classified its records under it, as
 * their entries on emi.progress say ({@link ConcordanceRollout}).
 */
@Path("/api/concordance")
@Produces(MediaType.APPLICATION_JSON)
public class ConcordanceResource {

    private static final Logger LOG = Logger.getLogger(ConcordanceResource.class);

    @Inject
    ConcordancePublisher publisher;

    @Inject
    ConcordanceInForce inForce;

    @Inject
    ConcordanceRollout rollout;

    @Inject
    AppliedConcordances applied;

    @Inject
    ClassifierConfig config;

    @PUT
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Load a concordance file",
            description = "Validates the CSV (header scheme,pattern,dimension,code), publishes it, and waits until "
                    + "every application is re-classified under it.")
    @APIResponse(responseCode = "200", description = "In force everywhere: {version, name, rules}")
    @APIResponse(responseCode = "202", description = "Published; re-classification still under way when the wait ended")
    @APIResponse(responseCode = "400", description = "Malformed file, nothing published: the first bad line and reason")
    @APIResponse(responseCode = "503", description = "Kafka or the schema registry could not take it; nothing changed")
    public Response load(
            @Parameter(description = "file name the rules come from", required = true) @QueryParam("name") String name,
            String csv) {
        if (name == null || name.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Problem.of("Missing parameter", "name (the concordance file name) is required")).build();
        }
        RuleSet rules = ConcordanceParser.parse(name.strip(), csv == null ? "" : csv);
        publisher.publish(ConcordanceRecords.toRecord(rules, Instant.now()));
        LOG.infof("published concordance %s (%s, %d rules)", rules.version(), rules.name(), rules.rules().size());
        boolean everywhere = rollout.awaitAppliedEverywhere(rules.version(), config.applyTimeout());
        LoadedConcordance loaded = new LoadedConcordance(rules.version(), rules.name(), rules.rules().size(),
                everywhere);
        return Response.status(everywhere ? Response.Status.OK : Response.Status.ACCEPTED).entity(loaded).build();
    }

    @GET
    @Operation(summary = "The concordance in force, the versions this instance's tasks have applied, and whether "
            + "every task of the classifier has applied it (from emi.progress)")
    public ConcordanceStatus status() {
        ConcordanceInForce.Summary summary = inForce.summary();
        return new ConcordanceStatus(summary, applied.snapshot(), rollout.appliedEverywhere(summary.version()));
    }

    /** The answer to a load. */
    public record LoadedConcordance(String version, String name, int rules, boolean applied) {
    }

    /** The answer to {@code GET /api/concordance}. */
    public record ConcordanceStatus(String version, String name, String loadedAt, boolean shippedDefault, int rules,
            Map<String, Integer> rulesPerScheme, Map<String, String> appliedByLocalTasks, boolean appliedEverywhere) {

        ConcordanceStatus(ConcordanceInForce.Summary summary, Map<String, String> appliedByLocalTasks,
                boolean appliedEverywhere) {
            this(summary.version(), summary.name(), summary.loadedAt() == null ? null : summary.loadedAt().toString(),
                    summary.shippedDefault(), summary.rules(), summary.rulesPerScheme(), appliedByLocalTasks,
                    appliedEverywhere);
        }
    }
}
