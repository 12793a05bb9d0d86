package eu.emistreams.stack.cli;

import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackSettings;

/** What every sub-command shares: the settings of this checkout's stack. */
final class Launcher {

    private Launcher() {
    }

    static StackSettings settings() {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        String root = System.getProperty("emi.root");
        if (root != null) {
            env.putIfAbsent("EMI_ROOT", root);
        }
        return StackSettings.fromEnvironment(env);
    }

    static LocalStack stack() {
        return new LocalStack(settings(), System.out);
    }
}
