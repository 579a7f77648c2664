/**
 * Runs a generated project's own tests during output validation:
 * {@link dev.thefactory.internal.output.testrun.GeneratedTestRun} copies the validated project into a throw-away
 * directory and runs each language's tests there in a separate process (a JVM on the JUnit Platform, python3,
 * node --test, go test) with a time limit, a heap cap and an environment without secrets, and turns what they report
 * into one outcome per test.
 */
package dev.thefactory.internal.output.testrun;
