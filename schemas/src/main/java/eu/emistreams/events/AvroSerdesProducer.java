package eu.emistreams.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one {@link AvroSerdes} of a service, configured once: {@code emi.registry.url} and
 * {@code emi.registry.auto-register} (off outside dev and test: the deploy step registers the
 * schemas). Every Quarkus service injects it; this jar is indexed (Jandex), so Quarkus finds the
 * producer. Clients outside CDI (the benchmark, the example subscriber) create their own.
 */
@ApplicationScoped
public class AvroSerdesProducer {

    @Produces
    @Singleton
    AvroSerdes avroSerdes(@ConfigProperty(name = "emi.registry.url") String registryUrl,
            @ConfigProperty(name = "emi.registry.auto-register", defaultValue = "false") boolean registerSchemas) {
        return new AvroSerdes(registryUrl, registerSchemas);
    }
}
