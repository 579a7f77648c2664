package dev.thefactory.fallbacks.internal.agents;

import dev.thefactory.fallbacks.internal.java.JavaLayout;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.fallbacks.internal.other.GoLayout;
import dev.thefactory.fallbacks.internal.other.NodeLayout;
import dev.thefactory.fallbacks.internal.other.PythonLayout;

/** Picks the layout of a project's language. Stateless and thread-safe. */
final class Layouts {

    private Layouts() {
    }

    static ProjectLayout of(ProjectInput in) {
        return switch (in.architecture().language()) {
            case JAVA -> JavaLayout.of(in);
            case PYTHON -> PythonLayout.of(in);
            case JAVASCRIPT -> NodeLayout.of(in);
            case GO -> GoLayout.of(in);
        };
    }
}
