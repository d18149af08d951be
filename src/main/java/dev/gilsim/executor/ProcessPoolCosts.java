package dev.gilsim.executor;

import dev.gilsim.kernel.Distribution;
import java.util.Objects;

/**
 * E3: what one task costs on its way through a process pool and back. Pickling and unpickling are
 * C code holding the GIL of the process doing them; the manager hop is Python in the parent's
 * manager thread; pipe writes are syscalls. defaults.yaml's figures add up to about 0.1 ms for a small task on
 * a warm pool.
 *
 * @param parentStart the parent's share of starting a worker, holding its GIL ({@code os.fork()} and
 *     {@code _posixsubprocess.fork_exec} do not release it)
 * @param childBoot the child's boot before it takes work, on its own core with its own GIL
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

    public ProcessPoolCosts {
        Objects.requireNonNull(pickleArgs, "pickleArgs");
        Objects.requireNonNull(wakeManager, "wakeManager");
        Objects.requireNonNull(managerHop, "managerHop");
        Objects.requireNonNull(pipeWrite, "pipeWrite");
        Objects.requireNonNull(unpickleArgs, "unpickleArgs");
        Objects.requireNonNull(pickleResult, "pickleResult");
        Objects.requireNonNull(unpickleResult, "unpickleResult");
        Objects.requireNonNull(parentStart, "parentStart");
        Objects.requireNonNull(childBoot, "childBoot");
        Objects.requireNonNull(childExit, "childExit");
    }
}
