package eu.emistreams.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kubectl kustomize} renders the base and every overlay under deploy/k8s. */
class KustomizeRenderTest {

    @Test
    void theProductionAndLocalOverlaysExist() throws IOException {
        assertTrue(Kustomize.overlays().containsAll(List.of("production", "local")), "overlays: " + Kustomize.overlays());
    }

    @Test
    void everyOverlayAndTheBaseRender() throws IOException {
        for (String overlay : Kustomize.overlays()) {
            assertFalse(Kustomize.overlay(overlay).isEmpty(), overlay);
        }
        assertFalse(Kustomize.render(Kustomize.K8S.resolve("base")).isEmpty(), "base");
    }

    @Test
    void aBrokenKustomizationFailsWithKubectlsMessage() throws IOException {
        var dir = Files.createTempDirectory("kustomization");
        try {
            Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");
            AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> Kustomize.render(dir));
            assertTrue(failure.getMessage().contains("missing.yaml"), failure.getMessage());
        } finally {
            Files.deleteIfExists(dir.resolve("kustomization.yaml"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void everyRenderedObjectHasAnApiVersionKindAndName() throws IOException {
        for (String overlay : Kustomize.overlays()) {
            for (JsonNode object : Kustomize.overlay(overlay)) {
                assertEquals(3, List.of("apiVersion", "kind").stream().filter(object::hasNonNull).count()
                        + (object.path("metadata").hasNonNull("name") ? 1 : 0), overlay + ": " + object);
            }
        }
    }
}
