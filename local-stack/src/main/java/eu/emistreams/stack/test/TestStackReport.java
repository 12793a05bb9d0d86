package eu.emistreams.stack.test;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints, after each test class that used a test stack, whether its broker and registry ran as
 * containers or as processes (registered with the JUnit launcher through META-INF/services).
 */
public final class TestStackReport implements TestExecutionListener {

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.getSource().orElse(null) instanceof ClassSource source) {
            String path = TestStack.lastPath();
            if (path != null) {
                System.out.println("[emi-test-stack] " + source.getClassName() + " ran on a broker and registry as "
                        + path);
            }
        }
    }
}
