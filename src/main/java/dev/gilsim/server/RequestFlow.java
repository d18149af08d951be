package dev.gilsim.server;

import dev.gilsim.asyncio.Coroutine;
import dev.gilsim.asyncio.EventLoop;
import dev.gilsim.asyncio.StepsCoroutine;
import dev.gilsim.asyncio.Task;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;

/**
 * The ASGI task of one request on its worker's loop: admission (E5), the handler (an
 * {@code async def} on the loop, a {@code def} awaited on the anyio pool), the response.
 */
final class RequestFlow implements Coroutine {
    private enum Stage { ADMIT_SERVER, ADMIT_ENDPOINT, HANDLE, RESPOND, SEND, SENT, DONE, FINISHED }

    private final WorkerProcess worker;
    private final Request request;
    private Stage stage = Stage.ADMIT_SERVER;
    private StepsCoroutine handler;
    private boolean holdsServer;
    private boolean holdsEndpoint;
    private boolean rejected;

    RequestFlow(WorkerProcess worker, Request request) {
        this.worker = worker;
        this.request = request;
    }

    @Override
    public Step resume(Task task, PyThread thread) {
        EventLoop loop = task.loop();
        while (true) {
            switch (stage) {
                case ADMIT_SERVER -> {
                    stage = Stage.ADMIT_ENDPOINT;
                    if (admit(worker.serverLimit, task, true)) {
                        return null;
                    }
                }
                case ADMIT_ENDPOINT -> {
                    stage = Stage.HANDLE;
                    if (!rejected && admit(worker.limits[request.endpoint.index], task, false)) {
                        return null;
                    }
                    if (rejected) {
                        // E5: a 503 skips the handler, gives back any permit it holds, and answers.
                        releaseLimits();
                        stage = Stage.RESPOND;
                    }
                }
                case HANDLE -> {
                    Step s = handle(task, thread);
                    if (s != null || task.isAwaiting()) {
                        return s;
                    }
                }
                case RESPOND -> {
                    stage = Stage.SEND;
                    Step s = pythonIfPositive(worker.server.spec.http().respond().sample(loop.random()));
                    if (s != null) {
                        return s;
                    }
                }
                case SEND -> {
                    Step s = send(loop);
                    if (s != null) {
                        return s;
                    }
                }
                case SENT -> {
                    stage = Stage.FINISHED;
                    return null;
                }
                case DONE -> {
                    stage = Stage.FINISHED;
                    worker.server.finish(request, rejected);
                    return null;
                }
                default -> throw new IllegalStateException("request " + request.id + " resumed after it finished");
            }
        }
    }

    /** The handler's coroutine; once it returned, its permits go back and the answer is next. */
    private Step handle(Task task, PyThread thread) {
        if (handler == null) {
            handler = new StepsCoroutine(request.endpoint.coroutineSteps, worker.endpointRandom[request.endpoint.index],
                    worker);
        }
        Step s = handler.resume(task, thread);
        if (s == null && !task.isAwaiting()) {
            handlerReturned();
            releaseLimits();
            stage = Stage.RESPOND;
        }
        return s;
    }

    private static Step pythonIfPositive(long cost) {
        return cost > 0 ? Step.Compute.python(cost) : null;
    }

    /** The response's send(); null when it costs nothing and the request is done at once. */
    private Step send(EventLoop loop) {
        stage = Stage.DONE;
        long cost = worker.server.spec.http().send().sample(loop.random());
        if (cost <= 0) {
            return null;
        }
        // L5: the answer is on the wire when send() returns, not when the loop has the GIL back:
        // measured, it loses the GIL there in 87 to 100 % of requests beside CPU-bound threads.
        stage = Stage.SENT;
        return new Step.ReleasedCompute(cost, () -> worker.server.finish(request, rejected));
    }

    /** Returns true if the task now waits in the limit's queue. */
    private boolean admit(ConcurrencyLimit limit, Task task, boolean server) {
        if (limit == null) {
            return false;
        }
        switch (limit.admit(task)) {
            case ENTER -> {
                markHeld(server);
                return false;
            }
            case WAIT -> {
                // The releaser hands its permit over; we hold it when we resume.
                markHeld(server);
                task.suspend();
                return true;
            }
            default -> {
                rejected = true;
                return false;
            }
        }
    }

    private void markHeld(boolean server) {
        if (server) {
            holdsServer = true;
        } else {
            holdsEndpoint = true;
        }
    }

    private void releaseLimits() {
        if (holdsEndpoint) {
            holdsEndpoint = false;
            worker.limits[request.endpoint.index].release();
        }
        if (holdsServer) {
            holdsServer = false;
            worker.serverLimit.release();
        }
    }

    private void handlerReturned() {
        JobQueue jobs = worker.server.jobs;
        if (request.endpoint.submitsJobs) {
            request.job = jobs.submit(request);
        } else if (request.endpoint.pollsJobs && request.job != null) {
            request.jobDoneSeen = request.job.done;
        }
    }
}
