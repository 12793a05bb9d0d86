package eu.emistreams.stack.process;

import eu.emistreams.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for stacks that must not collide with a developer's (tests, the benchmark). */
public final class FreePorts {

    private FreePorts() {
    }

    public static int[] take(int count) {
        int[] ports = new int[count];
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            // All open at once, so that the ports are distinct.
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getByName(StackSettings.HOST));
                ports[i] = sockets[i].getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // the port is free again either way
                    }
                }
            }
        }
        return ports;
    }
}
