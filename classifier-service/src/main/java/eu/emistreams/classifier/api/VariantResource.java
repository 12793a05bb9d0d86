package eu.emistreams.classifier.api;

import eu.emistreams.classifier.ClassifierConfig;
import eu.emistreams.classifier.concordance.ConcordanceInForce;
import eu.emistreams.classifier.concordance.ConcordancePublisher;
import eu.emistreams.classifier.concordance.ConcordanceRecords;
import eu.emistreams.classifier.concordance.ConcordanceRollout;
import eu.emistreams.classifier.rules.ConcordanceParser;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.events.VariantNames;
import eu.emistreams.events.concordance.Concordance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * Variant rule sets (issue 15): a second concordance run side by side with the one in force, under
 * a name, without a restart or a re-ingest. Each is validated whole like the concordance in force,
 * published on emi.concordance under {@code variant/NAME}, and every classified record then also
 * carries its codes under it; a drop publishes the tombstone of its key. Like a load of the rules
 * in force, the answer waits until every task of the classifier, on any instance, reports that it
 * has re-emitted its records under the change (their entries on emi.progress).
 */
@Path("/api/concordance/variants")
@Produces(MediaType.APPLICATION_JSON)
public class VariantResource {

    private static final Logger LOG = Logger.getLogger(VariantResource.class);

    @Inject
    ConcordancePublisher publisher;

    @Inject
    ConcordanceInForce concordances;

    @Inject
    ConcordanceRollout rollout;

    @Inject
    ClassifierConfig config;

    @GET
    @Operation(summary = "The variant rule sets loaded beside the concordance in force")
    public List<VariantStatus> variants() {
        List<VariantStatus> variants = new ArrayList<>();
        concordances.variants().forEach((name, record) -> variants.add(VariantStatus.of(name, record,
                rollout.notAppliedVariant(name, record.getVersion()).isEmpty())));
        return variants;
    }

    @GET
    @Path("{variant}")
    @Operation(summary = "One variant rule set")
    @APIResponse(responseCode = "404", description = "No variant of that name is loaded")
    public Response variant(@PathParam("variant") String variant) {
        requireValidName(variant);
        Concordance record = loaded(variant).orElseThrow(() -> unknown(variant));
        return Response.ok(VariantStatus.of(variant, record,
                rollout.notAppliedVariant(variant, record.getVersion()).isEmpty())).build();
    }

    @PUT
    @Path("{variant}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Load a variant rule set",
            description = "Validates the CSV whole (header scheme,pattern,dimension,code), publishes it under the "
                    + "variant's name beside the concordance in force, and waits until every record is classified "
                    + "under it too. Loading a name again replaces that variant.")
    @APIResponse(responseCode = "200", description = "Applied everywhere: {variant, version, name, rules, applied}")
    @APIResponse(responseCode = "202", description = "Published; re-classification still under way when the wait ended")
    @APIResponse(responseCode = "400", description = "A malformed variant name, or a malformed file (every bad line); nothing published")
    @APIResponse(responseCode = "409", description = "As many variants as allowed are loaded already")
    @APIResponse(responseCode = "503", description = "Kafka or the schema registry could not take it; nothing changed")
    public Response load(
            @Parameter(description = "the variant's name, [a-z0-9][a-z0-9-]{0,31}") @PathParam("variant") String variant,
            @Parameter(description = "file name the rules come from (default: the variant's name)") @QueryParam("name") String name,
            String csv) {
        requireValidName(variant);
        String fileName = name == null || name.isBlank() ? variant + ".csv" : name.strip();
        RuleSet rules = ConcordanceParser.parse(fileName, csv == null ? "" : csv);
        Map<String, Concordance> loaded = concordances.variants();
        if (!loaded.containsKey(variant) && loaded.size() >= VariantNames.MAX_VARIANTS) {
            return problem(Response.Status.CONFLICT, Problem.of("Too many variants", "at most "
                    + VariantNames.MAX_VARIANTS + " variants are loaded at a time; loaded: " + loaded.keySet()
                    + "; drop one first"));
        }
        publisher.publish(VariantNames.concordanceKey(variant), ConcordanceRecords.toRecord(rules, Instant.now()));
        LOG.infof("published variant %s: rules %s (%s, %d rules)", variant, rules.version(), rules.name(),
                rules.rules().size());
        boolean everywhere = rollout.awaitVariantAppliedEverywhere(variant, rules.version(), config.applyTimeout());
        return Response.status(everywhere ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(new LoadedVariant(variant, rules.version(), rules.name(), rules.rules().size(), everywhere))
                .build();
    }

    @DELETE
    @Path("{variant}")
    @Operation(summary = "Drop a variant rule set",
            description = "Publishes the tombstone of the variant and waits until no record carries its codes; "
                    + "its indicators are then retracted.")
    @APIResponse(responseCode = "200", description = "Dropped everywhere")
    @APIResponse(responseCode = "202", description = "Dropped; re-classification still under way when the wait ended")
    @APIResponse(responseCode = "400", description = "A malformed variant name")
    @APIResponse(responseCode = "404", description = "No variant of that name is loaded")
    public Response drop(@PathParam("variant") String variant) {
        requireValidName(variant);
        if (loaded(variant).isEmpty()) {
            throw unknown(variant);
        }
        publisher.publish(VariantNames.concordanceKey(variant), null);
        LOG.infof("dropped variant %s", variant);
        boolean everywhere = rollout.awaitVariantAppliedEverywhere(variant, null, config.applyTimeout());
        return Response.status(everywhere ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(new DroppedVariant(variant, everywhere)).build();
    }

    private Optional<Concordance> loaded(String variant) {
        return Optional.ofNullable(concordances.variants().get(variant));
    }

    private static void requireValidName(String variant) {
        VariantNames.problem(variant).ifPresent(problem -> {
            throw new ProblemException(Response.Status.BAD_REQUEST, Problem.of("Malformed variant name", problem));
        });
    }

    private static ProblemException unknown(String variant) {
        return new ProblemException(Response.Status.NOT_FOUND,
                Problem.of("Unknown variant", "no variant named '" + variant + "' is loaded"));
    }

    private static Response problem(Response.Status status, Problem problem) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(problem).build();
    }

    /** The answer to a load. */
    public record LoadedVariant(String variant, String version, String name, int rules, boolean applied) {
    }

    /** The answer to a drop. */
    public record DroppedVariant(String variant, boolean applied) {
    }

    /** A variant as {@code GET} shows it. */
    public record VariantStatus(String variant, String version, String name, String loadedAt, int rules,
            Map<String, Integer> rulesPerScheme, boolean appliedEverywhere) {

        static VariantStatus of(String variant, Concordance record, boolean appliedEverywhere) {
            ConcordanceInForce.Summary summary = ConcordanceInForce.Summary.of(record);
            return new VariantStatus(variant, summary.version(), summary.name(), summary.loadedAt().toString(),
                    summary.rules(), summary.rulesPerScheme(), appliedEverywhere);
        }
    }
}
