/*
 * liblxc's own config reader, timed: loads FILE with load_config() ITER times (after WARMUP untimed loads)
 * in one process and prints one JSON object: {"ok":true,"ns":[...]} with the nanoseconds of each timed load.
 * Each iteration starts from an empty config (clear_config, not timed), so every load parses the whole file,
 * as lxc-start -f FILE would. Only the load_config() call is inside the clock.
 *
 * Build: gcc -O2 -o bench/out/liblxc-load bench/liblxc-load.c -llxc   (needs lxc-dev)
 * Usage: liblxc-load FILE ITER [WARMUP]
 */
#define _GNU_SOURCE
#include <lxc/lxccontainer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
	if (argc < 3) {
		fprintf(stderr, "usage: %s FILE ITER [WARMUP]\n", argv[0]);
		return 2;
	}
	const char *file = argv[1];
	int iter = atoi(argv[2]);
	int warmup = argc > 3 ? atoi(argv[3]) : 3;
	if (iter < 1 || warmup < 0) {
		fprintf(stderr, "ITER must be >= 1 and WARMUP >= 0\n");
		return 2;
	}
	/* A fresh, empty lxcpath: the container object must not pick up any real container's config. */
	char dir[] = "/tmp/lxclint-bench-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	struct lxc_container *c = lxc_container_new("bench", dir);
	if (!c) {
		fprintf(stderr, "lxc_container_new failed\n");
		rmdir(dir);
		return 1;
	}
	long long *ns = calloc((size_t)iter, sizeof *ns);
	int rc = 0;
	for (int i = 0; i < warmup + iter; i++) {
		c->clear_config(c);
		long long t0 = now_ns();
		bool ok = c->load_config(c, file);
		long long t1 = now_ns();
		if (!ok) {
			fprintf(stderr, "load_config(%s) failed\n", file);
			rc = 1;
			break;
		}
		if (i >= warmup) ns[i - warmup] = t1 - t0;
	}
	if (rc == 0) {
		printf("{\"ok\":true,\"lxc\":\"%s\",\"ns\":[", lxc_get_version());
		for (int i = 0; i < iter; i++) printf("%s%lld", i ? "," : "", ns[i]);
		printf("]}\n");
	}
	free(ns);
	lxc_container_put(c);
	rmdir(dir);
	return rc;
}
