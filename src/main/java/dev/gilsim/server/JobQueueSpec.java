package dev.gilsim.server;

import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * E5, the job-queue-and-polling pattern: a request to {@code submitEndpoint} enqueues a job and
 * responds at once; {@code workers} job-worker processes (Celery, RQ, arq: each its own
 * interpreter and GIL) run the jobs in FIFO order; the client polls {@code statusEndpoint} every
 * {@code pollInterval} until a poll reports the job done. Time-to-result runs from the submit's
 * intended arrival to that poll's response.
 */
public record JobQueueSpec(String submitEndpoint, String statusEndpoint, int workers, List<ProgramStep> jobSteps,
        Distribution pollInterval) {
    public JobQueueSpec {
        Objects.requireNonNull(submitEndpoint, "submitEndpoint");
        Objects.requireNonNull(statusEndpoint, "statusEndpoint");
        if (submitEndpoint.equals(statusEndpoint)) {
            throw new IllegalArgumentException("submit and status endpoints must differ");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("a job queue needs at least one worker");
        }
        jobSteps = List.copyOf(jobSteps);
        for (ProgramStep s : jobSteps) {
            if (s.isAwait()) {
                throw new IllegalArgumentException("a job is a plain function and cannot await: " + s);
            }
        }
        Objects.requireNonNull(pollInterval, "pollInterval");
    }
}
