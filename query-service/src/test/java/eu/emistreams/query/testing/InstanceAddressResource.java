package eu.emistreams.query.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Gives the service under test a known free HTTP port and advertises that same address as its
 * {@code application.server}: the other instances of a test must be able to call it back, which a
 * random port chosen at bind time would not allow. Streams state goes to a directory of its own,
 * since every test JVM starts a new broker.
 */
public class InstanceAddressResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = freePort();
        return Map.of(
                "quarkus.http.test-port", String.valueOf(port),
                "quarkus.kafka-streams.application-server", "127.0.0.1:" + port,
                "kafka-streams.state.dir", "target/kafka-streams-state/it-" + ProcessHandle.current().pid());
    }

    @Override
    public void stop() {
        // nothing to release: the port belongs to the application once it started
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
