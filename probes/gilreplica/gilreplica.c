/*
 * gilreplica: CPython's GIL hand-off protocol (Python/ceval_gil.c of 3.12: take_gil, drop_gil,
 * FORCE_SWITCHING) replayed in C on glibc's pthread condition variables, with no interpreter
 * around it, so that every step can be timed to the nanosecond without slowing the race.
 *
 * Threads: N spinners (CPU-bound: they "run bytecode", a short busy loop between eval-breaker
 * checks, and drop the GIL when a drop is requested) and, optionally, a loop thread that mimics
 * an asyncio heartbeat: it waits in epoll_wait (or
 * clock_nanosleep) until period after the heartbeat last resumed, takes the GIL again and holds
 * it --pre-us before the heartbeat resumes (measured: 128 us on CPython 3.12) and --post-us after
 * (54 us); its lag is how late the heartbeat resumes.
 *
 * Every GIL event (a request, a drop, a take, a timed wait's entry and return) goes into a
 * per-thread log with CLOCK_MONOTONIC time; at the end the logs are merged and printed as JSON
 * lines of events, from which analyse.py reads the heartbeat lags and, for every requested
 * hand-off, who asked, who took it, how soon after the request the holder dropped, and how long
 * the other waiters had been waiting.
 *
 *   cc -O2 -pthread -o gilreplica gilreplica.c
 *   ./gilreplica --spinners 2 --loop 1 --interval-us 5000 --period-us 10000 --seconds 3
 *
 * Options: --pin-loop CPU and --pin-spinners CPU pin threads (-1: free); --sleep nanosleep makes
 * the loop sleep with clock_nanosleep instead of epoll_wait; --check-ns is the spinner's time
 * between eval-breaker checks.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

enum { EV_REQUEST = 1, EV_DROP, EV_TAKE, EV_WAIT_ENTER, EV_WAIT_TIMEOUT, EV_WAIT_SIGNAL, EV_LAG,
       EV_FORCED_BACK };

typedef struct { int64_t t; int kind; int thread; int64_t arg; } event_t;

#define MAX_EVENTS 400000
typedef struct { event_t *ev; int n; } log_t;

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    pthread_mutex_t switch_mutex;
    pthread_cond_t switch_cond;
    volatile int locked;
    unsigned long switch_number;
    volatile int last_holder;
    volatile int drop_request;
    int64_t interval_ns;
} gil;

static int n_spinners = 2, with_loop = 1, pin_loop = -1, pin_spinners = -1, use_nanosleep = 0;
static int64_t interval_us = 5000, period_us = 10000, pre_ns = 128000, post_ns = 54000, check_ns = 300;
static double seconds = 3.0, warmup = 0.5;
static volatile int running = 1;
static log_t logs[64];
static int64_t t_start;

static inline int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline void record(int thread, int kind, int64_t arg) {
    log_t *l = &logs[thread];
    if (l->n < MAX_EVENTS) {
        l->ev[l->n].t = now_ns();
        l->ev[l->n].kind = kind;
        l->ev[l->n].thread = thread;
        l->ev[l->n].arg = arg;
        l->n++;
    }
}

static void pin(int cpu) {
    if (cpu < 0) return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

static void busy_ns(int64_t ns) {
    int64_t end = now_ns() + ns;
    while (now_ns() < end) { }
}

/* take_gil of CPython 3.12 (Python/ceval_gil.c), with FORCE_SWITCHING. */
static void take_gil(int me) {
    pthread_mutex_lock(&gil.mutex);
    while (gil.locked) {
        unsigned long saved = gil.switch_number;
        struct timespec abs;
        clock_gettime(CLOCK_MONOTONIC, &abs);
        int64_t due = (int64_t)abs.tv_sec * 1000000000LL + abs.tv_nsec + gil.interval_ns;
        abs.tv_sec = due / 1000000000LL;
        abs.tv_nsec = due % 1000000000LL;
        record(me, EV_WAIT_ENTER, (int64_t)saved);
        int r = pthread_cond_timedwait(&gil.cond, &gil.mutex, &abs);
        record(me, r == ETIMEDOUT ? EV_WAIT_TIMEOUT : EV_WAIT_SIGNAL, 0);
        if (r == ETIMEDOUT && gil.locked && gil.switch_number == saved) {
            gil.drop_request = 1;
            record(me, EV_REQUEST, gil.last_holder);
        }
    }
    pthread_mutex_lock(&gil.switch_mutex);
    gil.locked = 1;
    if (gil.last_holder != me) {
        gil.last_holder = me;
        gil.switch_number++;
    }
    pthread_cond_signal(&gil.switch_cond);
    pthread_mutex_unlock(&gil.switch_mutex);
    gil.drop_request = 0;
    record(me, EV_TAKE, 0);
    pthread_mutex_unlock(&gil.mutex);
}

/* drop_gil of CPython 3.12: the forced dropper waits until another thread took the GIL. */
static void drop_gil(int me) {
    pthread_mutex_lock(&gil.mutex);
    gil.locked = 0;
    record(me, EV_DROP, gil.drop_request);
    pthread_cond_signal(&gil.cond);
    pthread_mutex_unlock(&gil.mutex);
    if (gil.drop_request) {
        pthread_mutex_lock(&gil.switch_mutex);
        if (gil.last_holder == me) {
            gil.drop_request = 0;
            pthread_cond_wait(&gil.switch_cond, &gil.switch_mutex);
        }
        pthread_mutex_unlock(&gil.switch_mutex);
        record(me, EV_FORCED_BACK, 0);
    }
}

static void *spinner(void *arg) {
    int me = (int)(intptr_t)arg;
    pin(pin_spinners);
    take_gil(me);
    while (running) {
        busy_ns(check_ns);           /* bytecode between two eval-breaker checks */
        if (gil.drop_request) {      /* the eval breaker */
            drop_gil(me);
            take_gil(me);
        }
    }
    drop_gil(me);
    return NULL;
}

static void *loop_thread(void *arg) {
    int me = (int)(intptr_t)arg;
    pin(pin_loop);
    int ep = epoll_create1(0);
    take_gil(me);
    int64_t resumed = now_ns();
    while (running) {
        busy_ns(post_ns);                            /* Python after the heartbeat resumed */
        int64_t due = resumed + period_us * 1000;
        drop_gil(me);                                /* Py_BEGIN_ALLOW_THREADS around select */
        int64_t left = due - now_ns();
        if (left > 0) {
            if (use_nanosleep) {
                struct timespec ts = { due / 1000000000LL, due % 1000000000LL };
                clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
            } else {
                struct epoll_event e;
                epoll_wait(ep, &e, 1, (int)((left + 999999) / 1000000));  /* ms, rounded up */
            }
        }
        take_gil(me);
        while (now_ns() < due) {                     /* asyncio runs the timer only when due */
            drop_gil(me);
            struct epoll_event e;
            epoll_wait(ep, &e, 1, 0);
            take_gil(me);
        }
        busy_ns(pre_ns);                             /* _run_once and the task, until it resumes */
        int64_t t = now_ns();
        record(me, EV_LAG, t - due);
        resumed = t;
    }
    drop_gil(me);
    return NULL;
}

static void usage(void) {
    fprintf(stderr, "usage: gilreplica [--spinners N] [--loop 0|1] [--interval-us US] "
            "[--period-us US] [--pre-us US] [--post-us US] [--check-ns NS] [--seconds S] [--pin-loop CPU] "
            "[--pin-spinners CPU] [--sleep epoll|nanosleep]\n");
    exit(2);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc) usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--spinners")) n_spinners = atoi(v);
        else if (!strcmp(a, "--loop")) with_loop = atoi(v);
        else if (!strcmp(a, "--interval-us")) interval_us = atol(v);
        else if (!strcmp(a, "--period-us")) period_us = atol(v);
        else if (!strcmp(a, "--pre-us")) pre_ns = atol(v) * 1000;
        else if (!strcmp(a, "--post-us")) post_ns = atol(v) * 1000;
        else if (!strcmp(a, "--check-ns")) check_ns = atol(v);
        else if (!strcmp(a, "--seconds")) seconds = atof(v);
        else if (!strcmp(a, "--pin-loop")) pin_loop = atoi(v);
        else if (!strcmp(a, "--pin-spinners")) pin_spinners = atoi(v);
        else if (!strcmp(a, "--sleep")) use_nanosleep = !strcmp(v, "nanosleep");
        else usage();
    }
    if (n_spinners < 0 || n_spinners > 60) usage();
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&gil.mutex, NULL);
    pthread_cond_init(&gil.cond, &ca);
    pthread_mutex_init(&gil.switch_mutex, NULL);
    pthread_cond_init(&gil.switch_cond, NULL);
    gil.interval_ns = interval_us * 1000;
    gil.last_holder = -1;
    int n = n_spinners + (with_loop ? 1 : 0);
    for (int i = 0; i < n; i++) logs[i].ev = calloc(MAX_EVENTS, sizeof(event_t));
    pthread_t th[64];
    t_start = now_ns();
    for (int i = 0; i < n_spinners; i++) pthread_create(&th[i], NULL, spinner, (void *)(intptr_t)i);
    if (with_loop) pthread_create(&th[n_spinners], NULL, loop_thread, (void *)(intptr_t)n_spinners);
    usleep((useconds_t)((seconds + warmup) * 1e6));
    running = 0;
    for (int i = 0; i < n; i++) pthread_join(th[i], NULL);

    /* Print every event after the warm-up, merged in time order, as JSON lines. */
    int64_t t0 = t_start + (int64_t)(warmup * 1e9);
    printf("{\"spinners\":%d,\"loop\":%d,\"interval_us\":%ld,\"period_us\":%ld,\"pre_us\":%ld,\"post_us\":%ld,"
           "\"check_ns\":%ld,\"pin_loop\":%d,\"pin_spinners\":%d,\"sleep\":\"%s\",\"events\":[",
           n_spinners, with_loop, (long)interval_us, (long)period_us, (long)(pre_ns / 1000), (long)(post_ns / 1000),
           (long)check_ns, pin_loop, pin_spinners, use_nanosleep ? "nanosleep" : "epoll");
    int idx[64] = {0};
    int first = 1;
    for (;;) {
        int best = -1;
        for (int i = 0; i < n; i++)
            if (idx[i] < logs[i].n && (best < 0 || logs[i].ev[idx[i]].t < logs[best].ev[idx[best]].t))
                best = i;
        if (best < 0) break;
        event_t *e = &logs[best].ev[idx[best]++];
        if (e->t < t0) continue;
        printf("%s[%ld,%d,%d,%ld]", first ? "" : ",", (long)(e->t - t0), e->kind, e->thread, (long)e->arg);
        first = 0;
    }
    printf("]}\n");
    return 0;
}
