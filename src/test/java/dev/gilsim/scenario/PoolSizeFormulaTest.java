package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoolSizeFormulaTest {
    private static int workers(String formula, int cores) {
        return PoolSizeFormula.workers(YamlSource.parseFragment("t", formula, "f", 0), cores);
    }

    @Test
    void readsCpythonsFormulasForAMachine() {
        assertEquals(8, workers("min(32, cpu+4)", 4));
        assertEquals(32, workers("min(32, process_cpu_count + 4)", 64));
        assertEquals(6, workers("cpu", 6));
        assertEquals(5, workers("process_cpu_count+1", 4));
        assertEquals(3, workers("3", 64));
    }

    @Test
    void anythingElseIsALocatedErrorThatSaysWhatIsExpected() {
        InputException e = assertThrows(InputException.class, () -> workers("cpus*5", 2));
        assertTrue(e.getMessage().contains("is not a worker count"), e.getMessage());
        assertTrue(e.getMessage().contains("min(32, process_cpu_count+4)"), e.getMessage());
        assertThrows(InputException.class, () -> workers("min(0, cpu)", 2));
    }
}
