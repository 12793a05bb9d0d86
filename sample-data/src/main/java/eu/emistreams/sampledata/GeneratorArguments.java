package eu.emistreams.sampledata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The command line every generator takes:
 * {@code DIR SEED COUNT [--revise-from DIR --fraction F] [--gzip|--zip]}. With {@code --revise-from},
 * the size comes from the previous release and {@code COUNT} is unused.
 */
record GeneratorArguments(Path directory, long seed, int count, Path reviseFrom, double fraction,
        FileCompression compression) {

    /**
     * The {@code main} of a generator: writes the release the arguments ask for and prints
     * {@code summary} of it.
     */
    static void run(String program, String countName, String[] args,
            Function<FileCompression, ReleaseGenerator> generatorFor, Function<GeneratedRelease, String> summary)
            throws IOException {
        GeneratorArguments arguments = parse(program, countName, args);
        ReleaseGenerator generator = generatorFor.apply(arguments.compression());
        GeneratedRelease release = arguments.reviseFrom() == null
                ? generator.generate(arguments.directory(), arguments.seed(), arguments.count())
                : generator.revise(arguments.reviseFrom(), arguments.directory(), arguments.seed(), arguments.fraction());
        System.out.print(summary.apply(release));
    }

    static GeneratorArguments parse(String program, String countName, String[] args) {
        if (args.length < 3) {
            usage(program, countName, "missing arguments");
        }
        Path reviseFrom = null;
        double fraction = 0.1;
        FileCompression compression = FileCompression.NONE;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--revise-from" -> reviseFrom = Path.of(value(program, countName, args, ++i));
                case "--fraction" -> fraction = Double.parseDouble(value(program, countName, args, ++i));
                case "--gzip" -> compression = FileCompression.GZIP;
                case "--zip" -> compression = FileCompression.ZIP;
                default -> usage(program, countName, "unknown option " + args[i]);
            }
        }
        return new GeneratorArguments(Path.of(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]), reviseFrom,
                fraction, compression);
    }

    private static String value(String program, String countName, String[] args, int index) {
        if (index >= args.length) {
            usage(program, countName, args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static void usage(String program, String countName, String problem) {
        System.err.println(problem);
        System.err.println("usage: " + program + " DIR SEED " + countName
                + " [--revise-from DIR --fraction F] [--gzip|--zip]");
        System.exit(2);
    }
}
