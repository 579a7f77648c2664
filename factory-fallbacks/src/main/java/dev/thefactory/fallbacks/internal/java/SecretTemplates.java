package dev.thefactory.fallbacks.internal.java;

/** Generates {@code Secrets}: salted PBKDF2 hashing of the fields that hold secrets. Stateless and thread-safe. */
final class SecretTemplates {

    private SecretTemplates() {
    }

    static String secrets(String pkg) {
        return JavaShared.fill("""
                package ${pkg}.model;

                import java.security.GeneralSecurityException;
                import java.security.MessageDigest;
                import java.security.SecureRandom;
                import java.util.Base64;
                import java.util.regex.Pattern;
                import javax.crypto.SecretKeyFactory;
                import javax.crypto.spec.PBEKeySpec;

                /**
                 * Secrets (passwords, tokens, PINs) are kept only as salted hashes: PBKDF2 with HMAC-SHA256 from the
                 * JDK, a random 16-byte salt per value, and {@value #ITERATIONS} iterations (the OWASP recommendation for
                 * this PRF). A hash reads {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, both in Base64. The plain
                 * value is never stored and never returned. Stateless and thread-safe.
                 */
                public final class Secrets {

                    /** The PBKDF2 iteration count of new hashes. */
                    public static final int ITERATIONS = 600_000;

                    private static final String PREFIX = "pbkdf2-sha256$";
                    private static final Pattern HASH = Pattern.compile(
                            "pbkdf2-sha256\\\\$[0-9]{6,9}\\\\$[A-Za-z0-9+/]{22}==\\\\$[A-Za-z0-9+/]{43}=");
                    private static final SecureRandom RANDOM = new SecureRandom();

                    private Secrets() {
                    }

                    /**
                     * @param field    the field's name, for the message
                     * @param plain    the plain value; may be null
                     * @param required whether a value must be present
                     * @return the salted hash of the value, or null when it is absent and optional
                     * @throws IllegalArgumentException when a required value is missing or the text is too long
                     */
                    public static String hash(String field, String plain, boolean required) {
                        String value = Validation.text(field, plain, required);
                        if (value == null) {
                            return null;
                        }
                        byte[] salt = new byte[16];
                        RANDOM.nextBytes(salt);
                        return PREFIX + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                                + Base64.getEncoder().encodeToString(derive(value, salt, ITERATIONS));
                    }

                    /**
                     * @param field    the field's name, for the message
                     * @param stored   a stored hash; may be null
                     * @param required whether a value must be present
                     * @return the hash, or null when it is absent and optional
                     * @throws IllegalArgumentException when it is missing or not a hash made by {@link #hash}
                     */
                    public static String stored(String field, String stored, boolean required) {
                        if (stored == null || stored.isBlank()) {
                            if (required) {
                                throw new IllegalArgumentException(field + " is required");
                            }
                            return null;
                        }
                        if (!HASH.matcher(stored).matches()) {
                            throw new IllegalArgumentException(field + " must be stored as a salted hash, never as plain text");
                        }
                        return stored;
                    }

                    /**
                     * @param plain  a plain value, such as a password someone typed
                     * @param stored a hash made by {@link #hash}
                     * @return true if the plain value is the one that was hashed (compared in constant time)
                     */
                    public static boolean matches(String plain, String stored) {
                        if (plain == null || stored == null || !HASH.matcher(stored).matches()) {
                            return false;
                        }
                        String[] parts = stored.split("\\\\$");
                        byte[] salt = Base64.getDecoder().decode(parts[2]);
                        byte[] expected = Base64.getDecoder().decode(parts[3]);
                        return MessageDigest.isEqual(expected, derive(plain.strip(), salt, Integer.parseInt(parts[1])));
                    }

                    private static byte[] derive(String value, byte[] salt, int iterations) {
                        PBEKeySpec spec = new PBEKeySpec(value.toCharArray(), salt, iterations, 256);
                        try {
                            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
                        } finally {
                            spec.clearPassword();
                        }
                    }
                }
                """, pkg);
    }
}
