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
 */
package dev.gilsim.server;
