package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.metrics.LatencyRecorder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {

    /**
     * The report draws a chart per distribution in this order, so it must be the suite's, the same
     * in every JVM (an immutable copy of the map iterated in an order salted per JVM).
     */
    @Test
    void distributionsKeepTheSuitesOrder() {
        Map<String, Validation.Distributions> given = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String key = "3.12.1/heartbeat-" + (29 - i) + "cpu";
            order.add(key);
            given.put(key, new Validation.Distributions("3.12.1", "heartbeat-" + (29 - i) + "cpu", "loop lag",
                    new LatencyRecorder(), new LatencyRecorder()));
        }
        Validation v = new Validation(List.of(), given, 5, 0);
        assertEquals(order, List.copyOf(v.distributions().keySet()));
    }
}
