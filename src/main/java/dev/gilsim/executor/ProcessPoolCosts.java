package dev.gilsim.executor;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;

import dev.gilsim.kernel.Distribution;
import java.util.Objects;

/**
 * E3: what one task costs on its way through a process pool and back. Pickling and unpickling are
 * C code holding the GIL of the process doing them; the manager hop is Python in the parent's
 * manager thread; pipe writes are syscalls. The defaults add up to about 0.1 ms for a small task on
 * a warm pool.
 *
 * @param parentStart the parent's share of starting a worker; null for the start method's default
 * @param childBoot the child's boot before it takes work; null for the start method's default
 * @param childExit the child's interpreter teardown when the pool shuts down
 */
public record ProcessPoolCosts(
        Distribution pickleArgs,
        Distribution wakeManager,
        Distribution managerHop,
        Distribution pipeWrite,
        Distribution unpickleArgs,
        Distribution pickleResult,
        Distribution unpickleResult,
        Distribution parentStart,
        Distribution childBoot,
        Distribution childExit) {

    public static final ProcessPoolCosts DEFAULT = new ProcessPoolCosts(
            Distribution.constant(micros(10)), Distribution.constant(micros(5)), Distribution.constant(micros(15)),
            Distribution.constant(micros(5)), Distribution.constant(micros(10)), Distribution.constant(micros(10)),
            Distribution.constant(micros(10)), null, null, Distribution.constant(millis(1)));

    /** Free transfers: only the start method's start-up remains. For hand-worked timelines. */
    public static final ProcessPoolCosts FREE = new ProcessPoolCosts(
            zero(), zero(), zero(), zero(), zero(), zero(), zero(), null, null, zero());

    public ProcessPoolCosts {
        Objects.requireNonNull(pickleArgs, "pickleArgs");
        Objects.requireNonNull(wakeManager, "wakeManager");
        Objects.requireNonNull(managerHop, "managerHop");
        Objects.requireNonNull(pipeWrite, "pipeWrite");
        Objects.requireNonNull(unpickleArgs, "unpickleArgs");
        Objects.requireNonNull(pickleResult, "pickleResult");
        Objects.requireNonNull(unpickleResult, "unpickleResult");
        Objects.requireNonNull(childExit, "childExit");
    }

    public ProcessPoolCosts withStart(Distribution parent, Distribution child) {
        return new ProcessPoolCosts(pickleArgs, wakeManager, managerHop, pipeWrite, unpickleArgs, pickleResult,
                unpickleResult, parent, child, childExit);
    }

    private static Distribution zero() {
        return Distribution.constant(0);
    }
}
