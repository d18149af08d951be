package dev.gilsim.server;

/** A job of the job-queue pattern (E5). */
final class Job {
    final long id;
    final long submitIntendedArrival;
    final Client client;
    boolean done;

    Job(long id, long submitIntendedArrival, Client client) {
        this.id = id;
        this.submitIntendedArrival = submitIntendedArrival;
        this.client = client;
    }
}
