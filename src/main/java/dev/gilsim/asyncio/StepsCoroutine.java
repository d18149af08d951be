package dev.gilsim.asyncio;

import dev.gilsim.interpreter.Completion;
import dev.gilsim.interpreter.ProgramCursor;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;
import dev.gilsim.interpreter.SyncSteps;
import dev.gilsim.interpreter.Work;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * An {@code async def} body made of handler steps: the synchronous steps run on the loop thread
 * holding the GIL (L2); each await suspends the task until its future is set.
 */
public final class StepsCoroutine implements Coroutine {
    private static final Step.Park JOIN = new Step.Park(-1);

    private final ProgramCursor cursor;
    private final RandomGenerator random;
    private final ExecutorLookup executors;
    /** The submitting side of a {@code run_in_executor} in progress (pickling, thread start). */
    private Work callerWork;
    /** The pool being awaited, until the task has resumed (and, per request, joined it). */
    private ExecutorLookup.Lease lease;
    private boolean joining;

    public StepsCoroutine(List<ProgramStep> steps, RandomGenerator random, ExecutorLookup executors) {
        this.cursor = new ProgramCursor(steps);
        this.random = random;
        this.executors = executors;
    }

    @Override
    public Step resume(Task task, PyThread thread) {
        while (true) {
            if (callerWork != null) {
                Step s = callerWork.next(thread);
                if (s != null) {
                    return s;
                }
                callerWork = null;
                task.suspend();
                return null;
            }
            if (lease != null) {
                if (!joining) {
                    lease.executor().resumed();
                    if (lease.shutdownAfter()) {
                        // Leaving `with ProcessPoolExecutor() as pool:` calls shutdown(wait=True) on
                        // the loop thread: it blocks, without the GIL, until every worker exited.
                        joining = true;
                        PyThread loopThread = task.loop().thread();
                        lease.executor().shutdown(loopThread::unpark);
                        return JOIN;
                    }
                }
                lease = null;
                joining = false;
                continue;
            }
            ProgramStep s = cursor.next();
            if (s == null) {
                return null;
            }
            // isAwait() and a cast, not instanceof AsyncStep: see ProgramStep#toStep on type tests.
            if (!s.isAwait()) {
                return s.toStep(random, thread);
            }
            awaitStep(s, task);
            if (callerWork == null) {
                return null;
            }
        }
    }

    private void awaitStep(ProgramStep s, Task task) {
        EventLoop loop = task.loop();
        if (s instanceof AsyncStep.AwaitSleep a) {
            loop.callLater(a.duration().sample(random), task.resolver());
            task.suspend();
        } else if (s instanceof AsyncStep.AwaitIo a) {
            loop.startIo(a.duration().sample(random), task.resolver());
            task.suspend();
        } else {
            String name;
            List<ProgramStep> work;
            if (s instanceof AsyncStep.RunInExecutor r) {
                name = r.executor();
                work = r.steps();
            } else {
                name = ExecutorLookup.DEFAULT;
                work = ((AsyncStep.ToThread) s).steps();
            }
            lease = executors.lease(name);
            // L3: the worker completes the future with call_soon_threadsafe, paying the pipe write.
            Completion done = t -> {
                loop.callSoonThreadsafe(task.resolver());
                return loop.sampleSelfPipeWrite();
            };
            callerWork = lease.executor().submit(new SyncSteps(work, random), done);
        }
    }
}
