/**
 * Contract tests every plugin's test extends (published in the framework test-jar): the same
 * leakage checks a run executes, applied at many bars of every fold, plus determinism and, for
 * strategies, purity. See {@link dev.foresight.contract.PipelineContract}.
 */
package dev.foresight.contract;
