package eu.emistreams.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A write endpoint and a read endpoint under the same permissions as the services' (see
 * src/test/resources/application.properties): the count of writes says whether a refused request
 * changed anything.
 */
@Path("/api/things")
public class GuardedResource {

    static final AtomicInteger WRITES = new AtomicInteger();

    @GET
    public String read() {
        return "writes=" + WRITES.get();
    }

    @POST
    public String write() {
        return "writes=" + WRITES.incrementAndGet();
    }
}
