package dev.thefactory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The features a spec asks for: the core (MVP) ones and the extended ones.
 *
 * <p>Immutable and thread-safe; the lists are never null (a null argument becomes an empty list).
 *
 * @param core     the features the project must have; each non-blank, at most 1 000 characters
 * @param extended features beyond the core; same rules
 */
public record Features(
        @Size(max = ProjectSpec.MAX_ITEMS) List<@NotBlank @Size(max = ProjectSpec.MAX_ITEM_LENGTH)
                @Pattern(regexp = ProjectSpec.NO_CONTROL_CHARACTERS, message = ProjectSpec.NO_CONTROL_MESSAGE) String> core,
        @Size(max = ProjectSpec.MAX_ITEMS) List<@NotBlank @Size(max = ProjectSpec.MAX_ITEM_LENGTH)
                @Pattern(regexp = ProjectSpec.NO_CONTROL_CHARACTERS, message = ProjectSpec.NO_CONTROL_MESSAGE) String> extended) {

    /** No features at all. */
    public static final Features NONE = new Features(List.of(), List.of());

    /**
     * Copies both lists.
     *
     * @throws NullPointerException if a list contains null
     */
    public Features {
        core = ProjectSpec.copy(core);
        extended = ProjectSpec.copy(extended);
    }

    /** @return the core features followed by the extended ones */
    public List<String> all() {
        return java.util.stream.Stream.concat(core.stream(), extended.stream()).toList();
    }
}
