/**
 * The integrated {@code llm} backend: agents that call a chat model through LangChain4j, on any OpenAI-compatible
 * endpoint (configured from the environment with {@link dev.thefactory.llm.LlmSettings#fromEnvironment}) or on any
 * {@code ChatModel} handed over in code ({@link dev.thefactory.llm.LlmBackend#provider}). Everything else of the
 * module is internal.
 */
package dev.thefactory.llm;
