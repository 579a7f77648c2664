package dev.thefactory.fallbacks.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the simple backend's templates cannot do, by the words that ask for it: logging in, redirects, messages,
 * payments, documents, uploads, schedules, live updates, validation rules, language models. A feature whose verb or
 * entity is such a thing is not generated; elsewhere in a sentence such words are gaps of a partial feature
 * (language models excepted: a sentence that asks for one is about it). Stateless and thread-safe.
 */
final class Beyond {

    /**
     * One kind of thing the templates cannot do.
     *
     * @param reason        why a feature about it is not generated
     * @param words         the single words that ask for it
     * @param pairs         the word pairs that ask for it, as "first second"
     * @param decisive      true if the feature is not generated wherever in the sentence the words stand
     */
    record Topic(String reason, Set<String> words, Set<String> pairs, boolean decisive) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("logging in and access control (accounts, sessions, tokens, roles) are not generated",
                    Set.of("login", "logon", "logout", "signin", "signon", "authenticate", "authenticates",
                            "authenticated", "authentication", "authorise", "authorize", "authorization",
                            "authorisation", "oauth", "oauth2", "sso", "jwt", "session", "sessions"),
                    Set.of("log in", "log on", "log out", "logs in", "logs out", "logged in", "logging in",
                            "sign in", "signs in", "sign out", "signed in", "signing in", "sign up", "signs up",
                            "signed up", "signing up"), false),
            new Topic("HTTP redirects are not generated", Set.of("redirect", "redirects", "redirected",
                    "redirection", "redirecting"), Set.of(), false),
            new Topic("sending emails, SMS or notifications is not generated", Set.of("email", "emails", "mail",
                    "sms", "notify", "notifies", "notification", "notifications", "reminder", "reminders", "alert",
                    "alerts", "warning", "warnings", "send", "sends", "sent", "push"),
                    Set.of("text message", "text messages"), false),
            new Topic("taking payments needs a payment provider, which is not generated", Set.of("pay", "pays",
                    "stripe", "paypal", "checkout", "billing", "refund", "refunds"), Set.of(), false),
            new Topic("documents other than CSV (PDF, Excel, Word, HTML) are not generated", Set.of("pdf", "pdfs",
                    "excel", "xlsx", "xls", "docx", "html", "markdown"), Set.of(), false),
            new Topic("file and image uploads are not generated", Set.of("upload", "uploads", "uploaded",
                    "uploading", "attachment", "attachments", "image", "images", "photo", "photos", "picture",
                    "pictures"), Set.of(), false),
            new Topic("calls to other services (webhooks, third-party APIs) are not generated", Set.of("webhook",
                    "webhooks", "integration", "integrations", "integrate"),
                    Set.of("third party", "external api", "external service"), false),
            new Topic("work that runs on its own or on a schedule is not generated", Set.of("cron", "automatically",
                    "automatic", "nightly", "recurring", "periodically", "periodic", "background", "scheduled"),
                    Set.of("every day", "every hour", "every week", "every month", "every minute", "every night",
                            "every morning", "each day", "each night"), false),
            new Topic("live updates are not generated", Set.of("websocket", "websockets", "realtime", "live",
                    "stream", "streaming"), Set.of("real time"), false),
            new Topic("validation rules beyond required fields and value types are not generated",
                    Set.of("duplicate", "duplicates", "deduplicate", "dedupe", "unique", "uniqueness", "validate",
                            "validates", "validated", "validation"), Set.of(), false),
            new Topic("charts are not generated", Set.of("chart", "charts", "graph", "graphs", "plot", "plots"),
                    Set.of(), false),
            new Topic("language models and machine learning are not generated", Set.of("llm", "llms", "gpt",
                    "openai", "chatgpt", "ai", "embedding", "embeddings", "ml", "classifier", "classify", "sentiment",
                    "neural", "nlp"), Set.of("machine learning", "language model", "language models"), true));

    private Beyond() {
    }

    /**
     * @param tokens lower-case tokens
     * @param from   the first token to look at
     * @param to     the index after the last one
     * @return the first topic the tokens ask for, if any
     */
    static Optional<Topic> find(List<String> tokens, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            for (Topic topic : TOPICS) {
                if (topic.words().contains(tokens.get(i))
                        || (i + 1 < tokens.size() && topic.pairs().contains(tokens.get(i) + " " + tokens.get(i + 1)))) {
                    return Optional.of(topic);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param words lower-case words
     * @return the first decisive topic the words ask for, if any
     */
    static Optional<Topic> decisive(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            Optional<Topic> topic = find(words, i, i + 1);
            if (topic.isPresent() && topic.get().decisive()) {
                return topic;
            }
        }
        return Optional.empty();
    }
}
