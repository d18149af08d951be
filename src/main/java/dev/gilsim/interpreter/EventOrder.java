package dev.gilsim.interpreter;

/**
 * How simultaneous events are ordered. Real threads race; the model settles every tie the same
 * way so runs repeat exactly. A thread finishing work or returning from I/O acts before a waiter's
 * timeout at the same instant, and timeouts before woken threads re-check the lock: arrivals that
 * coincide with a wake-up barge first, as the faster path does on real hardware (G7).
 */
final class EventOrder {
    static final int STEP = 0;
    static final int GIL_TIMEOUT = 1;
    static final int WAKE = 2;
    static final int TIME_SLICE = 3;

    private EventOrder() {
    }
}
