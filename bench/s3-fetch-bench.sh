#!/usr/bin/env bash
# Times the S3 fetch cache: starts the in-process S3-compatible test server, puts N small song
# files (~290 bytes) into a bucket, and mirrors them into an empty cache at several concurrencies
# (requests in flight), then once more with everything cached. Prints objects/s.
#
#   bench/s3-fetch-bench.sh                 # 100,000 objects at concurrency 16, 64, 256
#   bench/s3-fetch-bench.sh 20000 32 64     # 20,000 objects at 32 and 64
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
shift || true

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java -Xmx3g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    encore.storage.s3.S3FetchBench "$N" "$@"
