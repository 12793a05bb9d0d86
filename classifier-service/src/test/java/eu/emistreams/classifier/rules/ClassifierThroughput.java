package eu.emistreams.classifier.rules;

import eu.emistreams.classifier.concordance.ShippedConcordance;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Classifies a million synthetic applications under the shipped concordance and prints the
 * throughput. A measurement, not a check of the code, so it is a program rather than a test (a
 * test that skips unless asked proves nothing): run {@link #main} from the module's test classpath.
 */
public final class ClassifierThroughput {

    private static final String[] WORDS = ("a the of and to in for with by on device method system apparatus "
            + "solar cell wind turbine vehicle battery control unit signal data network user image sensor layer "
            + "composition polymer protein cell cells robot arm learning neural model first second plurality "
            + "wherein comprising configured substrate semiconductor light emitting diode beverage textile fabric "
            + "hotel patient treatment engine fuel heat pump energy storage module communication wireless").split(" ");
    private static final String[] SUBCLASSES = {"H01L", "G06F", "A61K", "B60W", "H04L", "F03D", "C08L", "A23L",
        "H02S", "G06N", "B25J", "E04B", "D06M", "C12N", "H04W", "G01N", "F16H", "B65D"};

    private ClassifierThroughput() {
    }

    public static void main(String[] args) {
        Classifier classifier = Classifier.compile(ShippedConcordance.load());
        Random random = new Random(7);
        int count = 1_000_000;
        List<List<String>> symbols = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> abstracts = new ArrayList<>();
        int distinct = 10_000;
        for (int i = 0; i < distinct; i++) {
            List<String> ipc = new ArrayList<>();
            for (int s = 0, n = 1 + random.nextInt(6); s < n; s++) {
                ipc.add(SUBCLASSES[random.nextInt(SUBCLASSES.length)] + (1 + random.nextInt(60)) + "/"
                        + String.format("%02d", random.nextInt(100)));
            }
            symbols.add(ipc);
            titles.add(text(random, 12));
            abstracts.add(text(random, 150));
        }
        long ipcOnly = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ipcOnly += classifier.classifyPatent(symbols.get(i % distinct), null, null).size();
        }
        report("IPC symbols only", count, start, ipcOnly);
        long tagged = 0;
        start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int k = i % distinct;
            tagged += classifier.classifyPatent(symbols.get(k), titles.get(k), abstracts.get(k)).size();
        }
        report("symbols, title and abstract", count, start, tagged);
        if (!(ipcOnly > 0 && tagged > ipcOnly)) {
            throw new IllegalStateException("the synthetic applications were not classified: " + ipcOnly + ", " + tagged);
        }
    }

    private static void report(String what, int count, long start, long codes) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("classified %,d applications (%s) in %.1f s (%,.0f per second), %,d codes%n", count, what,
                seconds, count / seconds, codes);
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }
}
