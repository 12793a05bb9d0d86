package eu.emistreams.stack.cli;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "concordance", description = "Manage the classification rules.",
        subcommands = ConcordanceCommand.Load.class)
class ConcordanceCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: emi concordance load FILE");
    }

    @Command(name = "load", description = "Replace the classification rules with FILE (scheme,pattern,dimension,code); "
            + "a malformed file is refused whole and the running rules stay.")
    static class Load implements Runnable {

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public void run() {
            String answer = load(Launcher.settings(), file);
            System.out.println(answer);
        }

        static String load(StackSettings settings, Path file) {
            String csv;
            try {
                csv = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StackException(file + ": cannot read (" + e.getMessage() + ")");
            }
            String name = file.getFileName().toString();
            String url = settings.classifierUrl() + "/api/concordance?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
            Http.Answer answer = Http.send(Http.authorized(HttpRequest.newBuilder(URI.create(url)), settings)
                    .timeout(Duration.ofMinutes(3))
                    .header("Content-Type", "text/csv")
                    .PUT(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), "the classifier service");
            if (!answer.ok()) {
                throw new StackException(file + ": " + answer.reason());
            }
            return "loaded " + name + " as concordance version " + answer.body().path("version").asText()
                    + " (" + answer.body().path("rules").asText() + " rules)";
        }
    }
}
