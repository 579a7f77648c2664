package dev.thefactory.llm.internal;

import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.RequirementClaim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The requirement claims of the {@code llm} backend's tasks. A writing task claims each requirement its planned files
 * serve: the evidence is the files it wrote and the planned tests that exercise the requirement (for a tester, its
 * own tests), the status is the model's own account (implemented when it gave none). Requirements no planned file
 * serves are claimed not implemented by {@code generate/code}, so that every requirement has a fate. Claims of
 * requirement ids the spec does not have are dropped with a note. Stateless.
 */
final class Claims {

    private Claims() {
    }

    /** The claims of a writing task: one per requirement its files serve, with the files and tests as evidence. */
    static List<RequirementClaim> of(AgentContext context, Schemas.Plan plan,
            List<Schemas.PlannedFile> wanted, Schemas.Kind kind, List<Schemas.Claim> said, List<String> notes) {
        Set<String> known = ids(context);
        Map<String, Schemas.Claim> byId = new LinkedHashMap<>();
        for (Schemas.Claim claim : said) {
            if (known.contains(claim.requirementId())) {
                byId.putIfAbsent(claim.requirementId(), claim);
            } else {
                notes.add("ignored a claim of unknown requirement '" + Secrets.snippet(claim.requirementId(), 40)
                        + "'");
            }
        }
        Map<String, List<String>> files = new TreeMap<>();
        for (Schemas.PlannedFile file : wanted) {
            for (String id : file.requirements()) {
                if (known.contains(id)) {
                    files.computeIfAbsent(id, k -> new ArrayList<>()).add(file.path());
                }
            }
        }
        String language = Requirement.language(context.spec()).map(Requirement::id).orElse(null);
        List<RequirementClaim> claims = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : files.entrySet()) {
            String id = entry.getKey();
            List<String> tests = new ArrayList<>();
            List<Schemas.PlannedFile> testFiles = kind == Schemas.Kind.TEST ? wanted : plan.files();
            for (Schemas.PlannedFile file : testFiles) {
                if (file.kind() == Schemas.Kind.TEST && file.requirements().contains(id)) {
                    tests.addAll(file.tests());
                }
            }
            if (tests.isEmpty() && id.equals(language)) {
                // the language is proven by every planned test: they only compile and pass in it
                plan.files().stream().filter(f -> f.kind() == Schemas.Kind.TEST).forEach(f -> tests.addAll(f.tests()));
            }
            Schemas.Claim claim = byId.get(id);
            RequirementStatus status = claim == null ? RequirementStatus.IMPLEMENTED : claim.status();
            String reason = claim == null || claim.reason() == null || claim.reason().isBlank() ? null : claim.reason();
            switch (status) {
                case IMPLEMENTED -> claims.add(RequirementClaim.implemented(id, entry.getValue(), tests));
                case PARTIAL -> claims.add(RequirementClaim.partial(id, entry.getValue(), tests,
                        claim.gaps().isEmpty() ? List.of("(the model named no gap)") : claim.gaps(),
                        reason != null ? reason : "the model reported it partly implemented"));
                default -> claims.add(RequirementClaim.notImplemented(id,
                        reason != null ? reason : "the model reported it not implemented"));
            }
        }
        return claims;
    }

    /** Requirements no planned file serves: claimed not implemented, so that every requirement has a fate. */
    static List<RequirementClaim> unplanned(AgentContext context, Schemas.Plan plan) {
        Set<String> served = new LinkedHashSet<>();
        plan.files().forEach(f -> served.addAll(f.requirements()));
        List<RequirementClaim> claims = new ArrayList<>();
        for (Requirement requirement : Requirement.of(context.spec())) {
            if (!served.contains(requirement.id())) {
                claims.add(RequirementClaim.notImplemented(requirement.id(), "the llm backend's file plan assigned no "
                        + "file to it"));
            }
        }
        return claims;
    }

    static Set<String> ids(AgentContext context) {
        Set<String> ids = new LinkedHashSet<>();
        Requirement.of(context.spec()).forEach(r -> ids.add(r.id()));
        return ids;
    }

}
