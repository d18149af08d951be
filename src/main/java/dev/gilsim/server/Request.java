package dev.gilsim.server;

/** One HTTP request, from its intended arrival (L5) to its response. */
final class Request {
    final long id;
    final Endpoint endpoint;
    final long intendedArrival;
    /** When the server first saw it (the observer's arrival), for censoring the unanswered at the end. */
    long arrivedAt;
    /** The closed-loop client that sent it, or null for open-loop arrivals. */
    final Client client;
    /** The job this request submits or polls, or null. */
    Job job;
    final boolean poll;
    boolean jobDoneSeen;
    int worker = -1;
    boolean finished;

    Request(long id, Endpoint endpoint, long intendedArrival, Client client, Job job, boolean poll) {
        this.id = id;
        this.endpoint = endpoint;
        this.intendedArrival = intendedArrival;
        this.client = client;
        this.job = job;
        this.poll = poll;
    }
}
