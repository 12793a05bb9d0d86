package eu.emistreams.stack.cli;

import eu.emistreams.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./emi}: the launcher of the local stack (see the README and shared interfaces). */
@Command(name = "emi", mixinStandardHelpOptions = true, version = "EMI Streams 0.1.0",
        description = "Runs the EMI Streams pipeline on a local Kafka broker and Apicurio Registry.",
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            WaitCommand.class,
            IngestCommand.class,
            ConcordanceCommand.class,
            DemoCommand.class,
            ImagesCommand.class,
            KubeCommand.class,
            CommandLine.HelpCommand.class
        })
public class EmiCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new EmiCommand());
        // A failure the user can act on is one line, not a stack trace.
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            if (exception instanceof StackException) {
                cmd.getErr().println("emi: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        System.exit(commandLine.execute(args));
    }
}
