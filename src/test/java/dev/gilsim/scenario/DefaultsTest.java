package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.interpreter.PythonVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pool defaults coded in {@link PythonVersion} say what defaults.yaml's table says. */
class DefaultsTest {
    private static final Pattern MIN_FORMULA = Pattern.compile("min\\((\\d+), *\\w+ *\\+ *(\\d+)\\)");

    @Test
    void poolDefaultsInTheEnumMatchTheDefaultsFile() {
        for (PythonVersion v : PythonVersion.values()) {
            MapReader row = Defaults.get().version(v);
            assertEquals(row.stringReq("start_method"), v.defaultStartMethod(), v.text());
            Matcher m = MIN_FORMULA.matcher(row.stringReq("thread_pool_max_workers"));
            assertTrue(m.matches(), v.text());
            int cap = Integer.parseInt(m.group(1));
            int plus = Integer.parseInt(m.group(2));
            for (int cpus : new int[] {1, 2, 8, 28, 64}) {
                assertEquals(Math.min(cap, cpus + plus), v.defaultThreadPoolWorkers(cpus), v + " on " + cpus);
            }
        }
    }
}
