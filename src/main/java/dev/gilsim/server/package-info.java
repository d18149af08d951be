/**
 * Servers on top of event loops (rules E4 and E5): uvicorn-style worker processes each with its
 * loop and GIL, dispatch of connections to workers, open and closed-loop arrivals, endpoints
 * ({@code async def} on the loop, {@code def} in anyio's pool), concurrency limits, job queues
 * with their worker processes, and background threads.
 *
 * <p>{@link dev.gilsim.server.App#build} turns a list of {@link dev.gilsim.server.ServerSpec}s into
 * running {@link dev.gilsim.server.Server}s; {@link dev.gilsim.server.RequestFlow} is the path of
 * one request (receive, parse, handler, respond, send) and {@link dev.gilsim.server.AppObserver}
 * reports it. At the end of a run {@code App.checkInvariants} accounts for every request.
 *
 * <p>A worked example, as a scenario writes it: one uvicorn worker whose {@code async def}
 * endpoint computes 200 us and awaits 5 ms of I/O, fed 100 requests a second, beside one CPU-bound
 * background thread. Each request waits for the loop's GIL at its {@code recv}, its handler and
 * its {@code send}; with the thread there, each of those waits can be a whole switch interval, so
 * its latency is counted from its intended arrival, GIL waits included
 * ({@code ServerTest.latencyCountsFromIntendedArrivalIncludingTheWaitForTheGil}).
 * <pre>{@code
 * servers:
 *   - name: api
 *     endpoints: [{name: ping, kind: async, steps: [{cpu: 200us}, {await_io: 5ms}]}]
 *     arrivals: [{rate: 100/s}]
 *     threads: [{name: spinner, steps: [{cpu: forever}]}]
 * }</pre>
 */
package dev.gilsim.server;
