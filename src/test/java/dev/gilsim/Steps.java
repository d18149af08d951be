package dev.gilsim;

import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.kernel.Distribution;
import java.util.List;

/**
 * Test fixtures: the steps of the one step vocabulary, of fixed durations, as the hand-worked
 * timelines of the interpreter's, the loop's and the servers' tests write them.
 */
public final class Steps {
    private Steps() {
    }

    public static ProgramStep cpuForever() {
        return new ProgramStep.Cpu(null);
    }

    public static ProgramStep cpu(long nanos) {
        return new ProgramStep.Cpu(Distribution.constant(nanos));
    }

    public static ProgramStep nativeHolding(long nanos) {
        return new ProgramStep.Native(Distribution.constant(nanos), false);
    }

    public static ProgramStep nativeReleasing(long nanos) {
        return new ProgramStep.Native(Distribution.constant(nanos), true);
    }

    public static ProgramStep sleep(long nanos) {
        return new ProgramStep.Sleep(Distribution.constant(nanos));
    }

    public static ProgramStep io(long nanos) {
        return new ProgramStep.Io(Distribution.constant(nanos));
    }

    public static ProgramStep syscall(long nanos) {
        return new ProgramStep.Syscall(Distribution.constant(nanos));
    }

    public static ProgramStep awaitSleep(long nanos) {
        return new AsyncStep.AwaitSleep(Distribution.constant(nanos));
    }

    public static ProgramStep awaitIo(long nanos) {
        return new AsyncStep.AwaitIo(Distribution.constant(nanos));
    }

    /** {@code await loop.run_in_executor(pool, f)} where {@code f} runs {@code steps}. */
    public static ProgramStep inPool(String pool, ProgramStep... steps) {
        return new AsyncStep.RunInExecutor(pool, List.of(steps));
    }
}
