package eu.emistreams.query.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.query.serving.MalformedParameterException;
import eu.emistreams.query.serving.StoreUnavailableException;
import eu.emistreams.query.serving.UnknownValueException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void malformedIs400NamingTheParameter() {
        Response response = mappers.malformed(new MalformedParameterException("year", "year must be a whole number"));
        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(new Problem("Malformed parameter", 400, "year must be a whole number", "year"), response.getEntity());
    }

    @Test
    void unknownIs404TitledWithWhatIsUnknown() {
        Response response = mappers.unknown(new UnknownValueException("country", "XX", "XX is not a country"));
        assertEquals(404, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Unknown country", problem.title());
        assertEquals("XX is not a country", problem.detail());
        assertEquals(404, problem.status());
    }

    @Test
    void unavailableIs503WithRetryAfter() {
        Response response = mappers.unavailable(new StoreUnavailableException("restoring", 2, null));
        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals("Not ready yet", ((Problem) response.getEntity()).title());
    }

    @Test
    void httpErrorsKeepTheirStatus() {
        Response response = mappers.web(new NotFoundException("no such resource"));
        assertEquals(404, response.getStatus());
        assertEquals(404, ((Problem) response.getEntity()).status());
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsStackTrace() {
        Response response = mappers.unexpected(new IllegalStateException("secret internals"));
        assertEquals(500, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertFalse(problem.detail().contains("secret internals"));
        assertFalse(problem.detail().contains("IllegalStateException"));
        assertTrue(problem.detail().contains("id "), problem.detail());
    }
}
