package eu.emistreams.stack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: points the application under test at the real broker and registry of
 * {@link TestStack#shared()}. Where a Docker engine exists the same real servers start as
 * processes too; nothing here depends on Docker, so no test is skipped for the lack of one.
 */
public class EmiStackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // The Kafka admin client that creates the topics loads classes through the context class
        // loader; under @QuarkusTest that is Quarkus's loader, not the one that loaded Kafka here.
        thread.setContextClassLoader(TestStack.class.getClassLoader());
        try {
            return TestStack.shared().quarkusConfig();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void stop() {
        // The stack outlives one application start: it is shared by the JVM and stopped at exit.
    }
}
