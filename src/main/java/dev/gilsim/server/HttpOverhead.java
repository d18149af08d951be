package dev.gilsim.server;

import dev.gilsim.kernel.Distribution;
import java.util.Objects;

/**
 * What every request costs the loop thread besides its handler: reading and parsing the request,
 * building and sending the response (uvicorn's protocol, Starlette's routing, FastAPI's
 * validation and serialisation).
 *
 * @param recv the {@code recv} syscall (GIL released)
 * @param parse Python: HTTP parsing, routing, validation
 * @param respond Python: serialising and building the response
 * @param send the {@code send} syscall (GIL released)
 * @param client the client's own part of each latency, outside the server: its send and its read
 *               of the answer, its event loop (L5 counts from the intended send to the answer
 *               read); the server never waits for it
 */
public record HttpOverhead(Distribution recv, Distribution parse, Distribution respond, Distribution send,
        Distribution client) {

    public HttpOverhead {
        Objects.requireNonNull(recv, "recv");
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(respond, "respond");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(client, "client");
    }
}
