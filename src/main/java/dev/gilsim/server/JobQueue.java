package dev.gilsim.server;

import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;
import dev.gilsim.interpreter.StepSource;
import dev.gilsim.interpreter.SyncSteps;
import dev.gilsim.interpreter.Waker;
import dev.gilsim.interpreter.Work;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * E5: a FIFO job queue (Redis, outside the model) drained by a bounded set of job-worker
 * processes, each with its own interpreter and GIL; at most {@code workers} jobs run at once.
 */
final class JobQueue {
    private final JobQueueSpec spec;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final ArrayDeque<JobWorker> idle = new ArrayDeque<>();
    private final List<JobWorker> workers = new ArrayList<>();
    private final RandomGenerator random;
    private final String server;
    private long nextId;
    private long enqueued;
    private long done;
    private int running;

    JobQueue(JobQueueSpec spec, String server, Machine machine, GilSettings gil) {
        this.spec = spec;
        this.server = server;
        this.random = machine.streams().stream("jobs:" + server);
        for (int i = 0; i < spec.workers(); i++) {
            String name = server + "-jobs-" + i;
            Interpreter p = machine.newInterpreter(name, gil);
            JobWorker w = new JobWorker();
            PyThread t = p.newThread("MainThread", w);
            w.waker = new Waker(t);
            workers.add(w);
            t.start(0);
        }
    }

    JobQueueSpec spec() {
        return spec;
    }

    Job submit(Request r) {
        Job job = new Job(nextId++, r.intendedArrival, r.client);
        queue.add(job);
        enqueued++;
        JobWorker w = idle.pollFirst();
        if (w != null) {
            w.waker.wake();
        }
        return job;
    }

    long inFlight() {
        return enqueued - done;
    }

    void checkInvariants() {
        if (enqueued - done != queue.size() + running || running > spec.workers()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "job queue of %s: %d enqueued, %d done, but %d queued and %d running (%d workers)",
                    server, enqueued, done, queue.size(), running, spec.workers()));
        }
    }

    /** A job worker's main loop: take the oldest job, run it, mark it done. */
    private final class JobWorker implements StepSource {
        Waker waker;
        private Job current;
        private Work work;

        @Override
        public Step next(PyThread thread) {
            waker.resumed();
            while (true) {
                if (current != null) {
                    Step s = work.next(thread);
                    if (s != null) {
                        return s;
                    }
                    current.done = true;
                    current = null;
                    running--;
                    done++;
                    continue;
                }
                Job j = queue.poll();
                if (j != null) {
                    current = j;
                    work = new SyncSteps(spec.jobSteps(), random);
                    running++;
                    continue;
                }
                idle.addLast(this);
                return waker.park();
            }
        }
    }
}
