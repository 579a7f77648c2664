/**
 * The {@code factory} command-line tool: a picocli application with the commands {@code validate},
 * {@code build}, {@code resume} and {@code doctor}, which renders build results and events for people (a summary,
 * recovery messages and a progress bar or progress lines on standard error) and for programs (one JSON object on
 * standard output, JSON Lines event files), and maps every outcome to the documented exit codes.
 */
package dev.thefactory.examples.cli;
