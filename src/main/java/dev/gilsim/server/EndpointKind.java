package dev.gilsim.server;

/** How FastAPI runs an endpoint. */
public enum EndpointKind {
    /** {@code async def}: the handler's steps run on the loop thread. */
    ASYNC,
    /** {@code def}: the loop only dispatches; the steps run in anyio's thread pool (E2). */
    SYNC
}
