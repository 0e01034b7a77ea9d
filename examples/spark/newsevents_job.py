"""Runs `newsevents extract` over a corpus under Apache Spark, unchanged, through RDD.pipe.

  spark-submit [--master local[2]] [--files /path/to/newsevents] newsevents_job.py INPUT OUTPUT
      [--warc] [--binary PATH] [--partitions N] [--emit events|articles]

INPUT is JSON Lines, one document per line: {"id", "url", "published", "html"} (or "text") — a file, a folder
or a glob, anything SparkContext.textFile reads. With --warc, INPUT is a text file listing one WARC path per
line (plain or .warc.gz, readable from every executor: a shared file system). OUTPUT is a folder of JSON Lines
part files: the event (or article) records, and for JSON Lines input a newsevents.error/1 or
newsevents.status/1 record for each document that gave no event, each carrying the document's id as
"input_id".

The binary: --binary PATH when given; else the `newsevents` shipped with `spark-submit --files`, which lands in
each executor's working directory; else `newsevents` on the executors' PATH. scripts/ship-binary.sh builds one
with the Swift runtime linked in and the gazetteers compiled in; executors need only the system's libxml2, zlib
and ISA-L.
checkCode=True makes a partition whose newsevents exits non-zero (it exits 1 when every document of the
partition failed, 130/143 when killed) fail its task, so Spark retries it and reports the failure instead of
writing a partial result.
"""
import argparse
import shlex

from pyspark.sql import SparkSession

# Resolves the binary on the executor: an explicit path, the file shipped with --files (made executable if
# the shipping dropped the bit), or PATH. The arguments after the script are passed through.
LAUNCHER = (
    'bin="$1"; shift; '
    'if [ -z "$bin" ]; then '
    'if [ -f ./newsevents ]; then [ -x ./newsevents ] || chmod +x ./newsevents; bin=./newsevents; '
    'else bin=newsevents; fi; fi; '
    'exec "$bin" "$@"'
)


def command(binary, arguments):
    """The pipe command: sh running the launcher with the binary (or "") and newsevents' arguments."""
    return " ".join(shlex.quote(part) for part in ["sh", "-c", LAUNCHER, "newsevents", binary or ""] + arguments)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--warc", action="store_true", help="INPUT lists WARC files, one path per line")
    parser.add_argument("--binary", help="newsevents on the executors (default: shipped with --files, else PATH)")
    parser.add_argument("--partitions", type=int, help="partitions (default: Spark's for the input)")
    parser.add_argument("--emit", choices=["events", "articles"], default="events")
    parser.add_argument("--workers", type=int, default=1,
                        help="newsevents worker threads per task (default 1: Spark runs one task per core)")
    arguments = parser.parse_args()

    spark = SparkSession.builder.appName("newsevents").getOrCreate()
    context = spark.sparkContext
    common = ["--emit", arguments.emit, "--workers", str(arguments.workers), "--log-level", "error"]
    if arguments.warc:
        paths = context.textFile(arguments.input).map(str.strip).filter(lambda path: path != "")
        # One WARC file per task: a file is read whole by one newsevents process, streaming.
        count = paths.count()
        paths = paths.repartition(arguments.partitions or max(1, count))
        # xargs hands the partition's paths to one newsevents process.
        pipe = "xargs -r -d '\\n' " + command(arguments.binary, ["extract", "--input", "warc"] + common)
    else:
        paths = context.textFile(arguments.input, minPartitions=arguments.partitions) \
            if arguments.partitions else context.textFile(arguments.input)
        pipe = command(arguments.binary, ["extract", "--input", "jsonl"] + common)
    records = paths.pipe(pipe, checkCode=True)
    records.saveAsTextFile(arguments.output)
    spark.stop()


if __name__ == "__main__":
    main()
