package dev.thefactory.fallbacks.internal.domain;

import java.util.Set;

/**
 * Names the generated code uses itself, so that no entity, field or action derived from a spec may take them.
 * Immutable and thread-safe.
 */
public final class ReservedNames {

    /**
     * Type names an entity may not have: types of {@code java.lang} and of the JDK packages the generated Java
     * imports, JavaScript and Python built-ins, and the generated project's own helper types.
     */
    public static final Set<String> TYPES = Set.of(
            // java.lang
            "Object", "String", "Class", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean",
            "Character", "Number", "Math", "StrictMath", "System", "Thread", "Runnable", "Exception", "Error",
            "Throwable", "Iterable", "Comparable", "Enum", "Record", "Void", "Process", "Runtime", "Override",
            "Deprecated", "Module", "Package", "ClassLoader", "StringBuilder", "StringBuffer", "CharSequence",
            "AutoCloseable", "Cloneable", "Appendable", "Readable", "Compiler", "SecurityManager", "ThreadLocal",
            "StackWalker", "ProcessBuilder", "ProcessHandle", "FunctionalInterface", "SafeVarargs",
            "SuppressWarnings", "ModuleLayer", "ThreadGroup", "Text",
            // JDK types the generated Java imports
            "List", "Map", "Set", "Optional", "Objects", "Locale", "LinkedHashMap", "ArrayList", "Comparator",
            "Collection", "Collections", "NoSuchElementException", "TreeMap", "Arrays", "Predicate", "Function",
            "UnaryOperator", "ConcurrentSkipListMap", "AtomicLong", "Executors", "ExecutorService", "Callable",
            "Future", "TimeUnit", "LocalDate", "BigDecimal", "IOException", "PrintStream", "InputStream",
            "OutputStream", "UncheckedIOException", "ByteArrayOutputStream", "Path", "Paths", "Files",
            "StandardCharsets", "StandardCopyOption", "AtomicMoveNotSupportedException", "URI", "URLDecoder",
            "InetSocketAddress", "HttpServer", "HttpExchange", "HttpHandler", "HttpClient", "HttpRequest",
            "HttpResponse", "Properties", "Test", "TempDir", "Assertions", "DateTimeParseException",
            "IllegalArgumentException", "NumberFormatException", "Stream", "Collectors", "Iterator", "Entry",
            "BodyPublishers", "BodyHandlers", "Headers", "Charset", "Instant", "Duration",
            // JavaScript and Python built-ins
            "Array", "Date", "JSON", "Promise", "Symbol", "Proxy", "Reflect", "URL", "Buffer", "Intl", "WeakMap",
            "WeakSet", "RegExp", "BigInt", "Decimal", "Dataclass", "Field", "Lock", "Any", "ClassVar",
            "Self", "Type", "Union", "None", "True", "False", "Server", "Request",
            "Response", "Handler",
            // the generated project's own types
            "Identifiable", "FieldValues", "InMemoryRepository", "Repository", "JsonCodec", "CsvCodec", "Row",
            "Arguments", "FileStore", "HttpReply", "StaticHandler", "Report", "EntityService", "Priority",
            "Severity", "Importance", "Urgency", "Level", "Main", "App", "Cli", "Pipeline", "Application",
            "Service", "Model", "Models", "Codec", "Store", "Summary", "Fields", "Values", "Validation", "Commands",
            "Router", "ApiServer", "Outcome", "Help", "Resources", "NotFound", "Com", "Example", "Http",
            "LongFunction", "ConcurrentHashMap", "HashSet", "LinkedHashSet", "Reader", "Writer",
            "StringWriter", "StringReader", "BufferedReader", "InputStreamReader", "OutputStreamWriter",
            "HashMap", "TreeSet", "CountDownLatch", "Assert", "Storage", "Settings", "FileRepository", "Decoder",
            "Kind", "LineReader", "ByteBuffer", "FileChannel", "StandardOpenOption", "NavigableMap", "Pattern",
            // Windows device names, which no generated file may be named after
            "Con", "Prn", "Aux", "Nul", "Com0", "Com1", "Com2", "Com3", "Com4", "Com5", "Com6", "Com7", "Com8",
            "Com9", "Lpt0", "Lpt1", "Lpt2", "Lpt3", "Lpt4", "Lpt5", "Lpt6", "Lpt7", "Lpt8", "Lpt9");

    /** Field names an entity may not have: the id, the generated record's own methods and those of Object. */
    public static final Set<String> FIELDS = Set.of("id", "toFields", "toValues", "fromFields", "withId", "out",
            "newId", "flag",
            "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize",
            "constructor", "prototype", "proto");

    /** Status action names that would clash with the generated services' own methods and commands. */
    public static final Set<String> ACTIONS = Set.of("create", "list", "get", "find", "update", "delete",
            "filter", "sort", "sorted", "summary", "export", "import", "exportCsv", "importCsv", "help", "add",
            "restore", "items", "repository", "store", "main", "run", "values", "fields", "notFound");

    private ReservedNames() {
    }
}
