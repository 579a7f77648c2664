/**
 * The implementation of the {@code llm} backend: the model-call gate (concurrency, rate-limit slow-down, token
 * budget, failure classification), the HTTP client that keeps response headers on errors, the prompts, the answer
 * schemas and the agents of the standard tasks. Not an API: it may change in any release.
 */
package dev.thefactory.llm.internal;
