package dev.gilsim.server;

/** E4: which worker process of a server gets a new connection. */
public enum Dispatch {
    /**
     * The kernel's behaviour with one shared listening socket: the worker that most recently began
     * waiting in {@code epoll_wait} gets it; if none waits, the connection stays in the backlog for
     * the first worker to come back to its selector, which accepts everything queued.
     */
    LIFO,
    ROUND_ROBIN,
    RANDOM,
    /** {@code SO_REUSEPORT}: a hash of the connection (the client, for closed-loop clients). */
    HASH
}
