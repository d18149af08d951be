package dev.gilsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointRequestsTest {

    /** 1,000 offered: 50 in flight at the end (5%) is keeping up; 51 is not. */
    @Test
    void overloadedWhenMoreThanFivePercentOfTheOfferedAreUnfinished() {
        assertFalse(new EndpointRequests("api/a", 1000, 950, 0, 50).overloaded());
        assertTrue(new EndpointRequests("api/a", 1000, 949, 0, 51).overloaded());
        assertFalse(new EndpointRequests("api/a", 0, 0, 0, 0).overloaded(), "nothing offered");
        // Two hour-long jobs sent during the warm-up are work in progress, not a backlog.
        assertFalse(new EndpointRequests("api/crunch", 0, 0, 0, 2).overloaded(), "nothing offered in the window");
    }

    @Test
    void theWarningSaysHowManyOfTheOfferedWereLeftAndThatPercentilesAreLowerBounds() {
        assertEquals(Optional.of("overload: slow api/a: 600 of 1000 requests offered (60%) were unfinished at the "
                + "end: arrivals outran what the server could serve; latency percentiles count the unfinished at "
                + "their age at the end, so they are lower bounds"),
                new EndpointRequests("api/a", 1000, 400, 0, 600).warning("slow"));
        assertEquals(Optional.empty(), new EndpointRequests("api/a", 1000, 990, 0, 10).warning("slow"));
    }
}
