package eu.emistreams.query.serving;

import eu.emistreams.events.VariantNames;
import eu.emistreams.query.status.ProgressReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code variant} parameter of the indicator endpoints: a variant rule set loaded beside the
 * rules in force (issue 15), as emi.concordance names them ({@link ProgressReader}, which reads it
 * anyway), so that every instance knows the same variants without asking the classifier.
 */
@ApplicationScoped
public class Variants {

    @Inject
    ProgressReader progress;

    /** The variants loaded, name to version of their rules. */
    public Map<String, String> loaded() {
        return new TreeMap<>(progress.variants());
    }

    /**
     * {@code filter} under the variant {@code variant}; as it is when {@code variant} is absent or blank.
     *
     * @throws MalformedParameterException a name that cannot be a variant's
     * @throws UnknownValueException a name of no variant loaded
     */
    public IndicatorFilter apply(IndicatorFilter filter, String variant) {
        String name = requireLoaded(variant);
        return name == null ? filter : filter.withVariant(name);
    }

    /** The variant's name, checked, or null when absent or blank. */
    public String requireLoaded(String variant) {
        String name = checked(variant);
        if (name != null && !progress.variants().containsKey(name)) {
            throw new UnknownValueException("variant", name, "no variant named '" + name + "' is loaded"
                    + (progress.variants().isEmpty() ? "" : "; loaded: " + loaded().keySet())
                    + " (./emi concordance load FILE --variant " + name + " loads one)");
        }
        return name;
    }

    /** The variant's name when well-formed (null when absent or blank), whether loaded or not. */
    public static String checked(String variant) {
        if (variant == null || variant.isBlank()) {
            return null;
        }
        String name = variant.strip();
        VariantNames.problem(name).ifPresent(problem -> {
            throw new MalformedParameterException("variant", problem);
        });
        return name;
    }
}
