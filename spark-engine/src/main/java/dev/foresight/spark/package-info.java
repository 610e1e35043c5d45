/**
 * The Spark engine: {@code foresight run --engine spark} runs a batch's task plan as Spark tasks
 * ({@link dev.foresight.spark.SparkEngine}), embedded ({@code local[N]}) or on a cluster
 * (spark-submit of the shaded jar). The driver plans, finds cached tasks and writes every file;
 * executors only compute. Nothing outside this module depends on Spark.
 */
package dev.foresight.spark;
