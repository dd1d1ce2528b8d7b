/*
 * referee: the smallest closed-loop client that can measure a server, to tell whether SkydFast.Load is the
 * bottleneck. One thread, one epoll set, N connections to 127.0.0.1 (nothing else), each with one batch of P
 * GETs (or overwriting SETs) in flight; a batch is complete when exactly as many bytes as its right replies
 * take have arrived. The keys and values are SkydFast.Load's (key:<12 digits>, the key then a fill byte), so
 * run the load generator's prefill first. Prints ops/s over the measured seconds.
 *
 *   gcc -O2 -o referee referee.c
 *   referee -r resp|skyhash -p PORT [-c 50] [-P 1] [-d 10] [-w 1] [-k 100000] [-v 64] [-t get|set]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define KEY_LEN 16

struct conn {
    int fd;
    char *out;
    size_t out_len, out_sent;
    size_t expect, got;
    int warm;
};

static int resp, set_op, pipeline = 1, conns = 50, seconds = 10, warmup = 1, value_len = 64;
static long keys = 100000;
static uint64_t rng = 88172645463325252ULL;
static char reply_buf[1 << 16];

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t next_rand(void) {
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 2685821657736338717ULL;
}

static int digits(long n) {
    int d = 1;
    while (n >= 10) { n /= 10; d++; }
    return d;
}

/* One request into p; returns its length. */
static size_t put_request(char *p) {
    char key[KEY_LEN + 1];
    snprintf(key, sizeof key, "key:%012ld", (long)(next_rand() % (uint64_t)keys));
    size_t n;
    if (!set_op) {
        n = resp ? (size_t)sprintf(p, "*2\r\n$3\r\nGET\r\n$%d\r\n%s\r\n", KEY_LEN, key)
                 : (size_t)sprintf(p, "~2\n3\nGET\n%d\n%s\n", KEY_LEN, key);
        return n;
    }
    n = resp ? (size_t)sprintf(p, "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n", KEY_LEN, key, value_len)
             : (size_t)sprintf(p, "~3\n6\nUPDATE\n%d\n%s\n%d\n", KEY_LEN, key, value_len);
    int prefix = value_len < KEY_LEN ? value_len : KEY_LEN;
    memcpy(p + n, key, prefix);
    memset(p + n + prefix, 'w', value_len - prefix);
    n += value_len;
    if (resp) { p[n++] = '\r'; }
    p[n++] = '\n';
    return n;
}

/* Bytes of the right replies to one batch. */
static size_t batch_reply_len(void) {
    size_t one;
    if (!set_op)
        one = resp ? 1 + digits(value_len) + 2 + value_len + 2 : 1 + digits(value_len) + 1 + value_len + 1;
    else
        one = resp ? 5 /* +OK\r\n */ : 5 /* !1\n0\n */;
    return one * pipeline + (resp ? 0 : 1 + digits(pipeline) + 1);
}

static int send_batch(struct conn *c) {
    char *p = c->out;
    if (!resp) p += sprintf(p, "*%d\n", pipeline);
    for (int i = 0; i < pipeline; i++) p += put_request(p);
    c->out_len = p - c->out;
    c->out_sent = 0;
    c->got = 0;
    while (c->out_sent < c->out_len) {
        ssize_t n = send(c->fd, c->out + c->out_sent, c->out_len - c->out_sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) continue;
            return -1;
        }
        c->out_sent += n;
    }
    return 0;
}

int main(int argc, char **argv) {
    int port = 0, opt;
    while ((opt = getopt(argc, argv, "r:p:c:P:d:w:k:v:t:")) != -1) {
        switch (opt) {
        case 'r': resp = strcmp(optarg, "resp") == 0; break;
        case 'p': port = atoi(optarg); break;
        case 'c': conns = atoi(optarg); break;
        case 'P': pipeline = atoi(optarg); break;
        case 'd': seconds = atoi(optarg); break;
        case 'w': warmup = atoi(optarg); break;
        case 'k': keys = atol(optarg); break;
        case 'v': value_len = atoi(optarg); break;
        case 't': set_op = strcmp(optarg, "set") == 0; break;
        default: fprintf(stderr, "usage: see the comment at the top of referee.c\n"); return 2;
        }
    }
    if (port <= 0 || conns < 1 || conns > 10000 || pipeline < 1 || pipeline > 1000 || seconds < 1 || seconds > 600
        || keys < 1 || value_len < 0 || value_len > 4096) {
        fprintf(stderr, "referee: bad arguments (port, -c 1..10000, -P 1..1000, -d 1..600, -v 0..4096)\n");
        return 2;
    }

    int ep = epoll_create1(0);
    struct conn *cs = calloc(conns, sizeof *cs);
    size_t expect = batch_reply_len();
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* loopback only, by construction */
    for (int i = 0; i < conns; i++) {
        struct conn *c = &cs[i];
        c->fd = socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
            perror("referee: connect");
            return 3;
        }
        c->out = malloc(16 + (size_t)pipeline * (64 + value_len));
        c->expect = expect;
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = i};
        epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
    }

    double start = now_s(), measure_from = start + warmup, end = measure_from + seconds;
    long done = 0;
    for (int i = 0; i < conns; i++) {
        cs[i].warm = 1;
        if (send_batch(&cs[i]) != 0) { perror("referee: send"); return 3; }
    }
    int in_flight = conns;
    struct epoll_event events[256];
    while (in_flight > 0) {
        int n = epoll_wait(ep, events, 256, 100);
        double t = now_s();
        if (t > end + 5) { fprintf(stderr, "referee: replies stopped\n"); return 3; }
        for (int e = 0; e < n; e++) {
            struct conn *c = &cs[events[e].data.u32];
            ssize_t r = recv(c->fd, reply_buf, sizeof reply_buf, 0);
            if (r <= 0) {
                if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                fprintf(stderr, "referee: connection closed or failed\n");
                return 3;
            }
            if (c->got == 0 && reply_buf[0] != (resp ? (set_op ? '+' : '$') : '*')) {
                fprintf(stderr, "referee: unexpected reply byte '%c'\n", reply_buf[0]);
                return 1;
            }
            c->got += r;
            if (c->got < c->expect) continue;
            if (c->got > c->expect) { fprintf(stderr, "referee: longer replies than expected\n"); return 1; }
            if (!c->warm) done += pipeline;
            if (t >= end) { in_flight--; continue; }
            c->warm = t < measure_from;
            if (send_batch(c) != 0) { perror("referee: send"); return 3; }
        }
    }
    double elapsed = now_s() - measure_from;
    printf("{\"ops_per_sec\": %.1f, \"requests\": %ld, \"elapsed_s\": %.3f, \"protocol\": \"%s\", \"op\": \"%s\", "
           "\"connections\": %d, \"pipeline\": %d, \"value_size\": %d, \"keys\": %ld}\n",
           done / elapsed, done, elapsed, resp ? "resp" : "skyhash", set_op ? "set" : "get", conns, pipeline,
           value_len, keys);
    return 0;
}
