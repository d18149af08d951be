package dev.gilsim.server;

import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.Event;
import dev.gilsim.kernel.Simulator;
import org.apache.commons.math3.random.RandomGenerator;

/** A closed-loop user: request, wait for the answer, think, repeat; one request in flight at most. */
final class Client {
    final int id;
    private final Server server;
    private final Simulator sim;
    private final Distribution think;
    private final RandomGenerator random;
    /** Where every request goes, or null to draw by weight. */
    private final Endpoint target;
    private final Event send = new Event(this::send);
    private boolean waiting;

    Client(int id, Server server, Simulator sim, Distribution think, RandomGenerator random, Endpoint target) {
        this.target = target;
        this.id = id;
        this.server = server;
        this.sim = sim;
        this.think = think;
        this.random = random;
    }

    void start(long at) {
        sim.schedule(send, at);
    }

    private void send() {
        if (waiting) {
            throw new IllegalStateException("client " + id + " sent a request while one was in flight");
        }
        waiting = true;
        server.arriveNew(this, target);
    }

    /** The answer came (a response, a 503, or its job's result). */
    void answered() {
        waiting = false;
        sim.schedule(send, sim.now() + think.sample(random));
    }
}
