package dev.thefactory.llm.internal;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spec as the model sees it, in DATA blocks: its description and its requirements with their ids. Stateless. */
final class SpecData {

    private SpecData() {
    }

    /**
     * @param spec the spec
     * @return name, description, type, complexity, objectives and the other sections
     */
    static Map<String, Object> spec(ProjectSpec spec) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", spec.name());
        data.put("description", spec.description());
        data.put("type", spec.type() == null ? null : spec.type().id());
        data.put("complexity", spec.complexity() == null ? null : spec.complexity().id());
        data.put("objectives", spec.objectives() == null ? List.of() : spec.objectives());
        if (spec.extras() != null && !spec.extras().isEmpty()) {
            data.put("otherSections", spec.extras());
        }
        return data;
    }

    /**
     * @param spec the spec
     * @return every requirement: id, section and text
     */
    static List<Map<String, String>> requirements(ProjectSpec spec) {
        List<Map<String, String>> list = new ArrayList<>();
        for (Requirement requirement : Requirement.of(spec)) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", requirement.id());
            entry.put("section", requirement.section().key());
            entry.put("text", requirement.text());
            list.add(entry);
        }
        return list;
    }
}
