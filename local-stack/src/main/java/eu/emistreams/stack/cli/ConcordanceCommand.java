package eu.emistreams.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.stack.StackException;
import eu.emistreams.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "concordance", description = "Manage the classification rules.",
        subcommands = {ConcordanceCommand.Load.class, ConcordanceCommand.Drop.class, ConcordanceCommand.Variants.class})
class ConcordanceCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: emi concordance load FILE [--variant NAME] | drop --variant NAME | variants");
    }

    @Command(name = "load", description = "Replace the classification rules with FILE (scheme,pattern,dimension,code); "
            + "a malformed file is refused whole and the running rules stay. With --variant NAME, FILE runs side by side "
            + "with the rules in force as the variant NAME (GET /api/indicators?variant=NAME, "
            + "/factsheet/{country}/sensitivity?variant=NAME); loading a name again replaces that variant.")
    static class Load implements Runnable {

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--variant", paramLabel = "NAME",
                description = "load FILE as a variant rule set beside the rules in force ([a-z0-9][a-z0-9-]{0,31})")
        String variant;

        @Override
        public void run() {
            String answer = variant == null ? load(Launcher.settings(), file) : loadVariant(Launcher.settings(), file, variant);
            System.out.println(answer);
        }

        static String loadVariant(StackSettings settings, Path file, String variant) {
            String name = file.getFileName().toString();
            Http.Answer answer = putRules(settings, file, variantUrl(settings, variant));
            return "loaded " + name + " as variant " + variant + ", rules version " + answer.body().path("version").asText()
                    + " (" + answer.body().path("rules").asText() + " rules)"
                    + (answer.body().path("applied").asBoolean() ? "" : "; re-classification still under way (./emi wait)");
        }

        /** PUTs FILE's rules to {@code endpoint} with its file name; a refusal ends with every reason the classifier gave. */
        private static Http.Answer putRules(StackSettings settings, Path file, String endpoint) {
            String csv = read(file);
            String url = endpoint + "?name=" + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
            Http.Answer answer = Http.send(Http.authorized(HttpRequest.newBuilder(URI.create(url)), settings)
                    .timeout(Duration.ofMinutes(3))
                    .header("Content-Type", "text/csv")
                    .PUT(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), "the classifier service");
            if (!answer.ok()) {
                throw new StackException(file + ": " + reasons(answer));
            }
            return answer;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StackException(file + ": cannot read (" + e.getMessage() + ")");
            }
        }

        static String load(StackSettings settings, Path file) {
            String name = file.getFileName().toString();
            Http.Answer answer = putRules(settings, file, settings.classifierUrl() + "/api/concordance");
            return "loaded " + name + " as concordance version " + answer.body().path("version").asText()
                    + " (" + answer.body().path("rules").asText() + " rules)";
        }
    }

    @Command(name = "drop", description = "Drop a variant rule set: its codes and its indicators are retracted.")
    static class Drop implements Runnable {

        @Option(names = "--variant", paramLabel = "NAME", required = true, description = "the variant to drop")
        String variant;

        @Override
        public void run() {
            StackSettings settings = Launcher.settings();
            Http.Answer answer = Http.send(Http.authorized(HttpRequest.newBuilder(URI.create(variantUrl(settings, variant))),
                    settings).timeout(Duration.ofMinutes(3)).DELETE().build(), "the classifier service");
            if (!answer.ok()) {
                throw new StackException("variant " + variant + ": " + answer.reason());
            }
            System.out.println("dropped variant " + variant
                    + (answer.body().path("applied").asBoolean() ? "" : "; re-classification still under way (./emi wait)"));
        }
    }

    @Command(name = "variants", description = "List the variant rule sets loaded beside the rules in force.")
    static class Variants implements Runnable {

        @Override
        public void run() {
            Http.Answer answer = Http.get(Launcher.settings().classifierUrl() + "/api/concordance/variants",
                    Duration.ofSeconds(10));
            if (!answer.ok()) {
                throw new StackException("variants: " + answer.reason());
            }
            if (answer.body() == null || answer.body().isEmpty()) {
                System.out.println("no variant loaded");
            }
            for (JsonNode variant : answer.body() == null ? List.<JsonNode>of() : answer.body()) {
                System.out.println(variant.path("variant").asText() + "  rules " + variant.path("version").asText()
                        + "  " + variant.path("name").asText() + "  " + variant.path("rules").asText() + " rules"
                        + (variant.path("appliedEverywhere").asBoolean() ? "" : "  (being applied)"));
            }
        }
    }

    private static String variantUrl(StackSettings settings, String variant) {
        return settings.classifierUrl() + "/api/concordance/variants/" + URLEncoder.encode(variant, StandardCharsets.UTF_8);
    }

    /** Every problem of a refused file, one per line, or the answer's one-line reason. */
    static String reasons(Http.Answer answer) {
        JsonNode problems = answer.body() == null ? null : answer.body().get("problems");
        if (problems == null || !problems.isArray() || problems.size() <= 1) {
            return answer.reason();
        }
        StringBuilder lines = new StringBuilder(answer.body().path("title").asText("refused"));
        problems.forEach(problem -> lines.append(System.lineSeparator()).append("  ").append(problem.asText()));
        return lines.toString();
    }
}
