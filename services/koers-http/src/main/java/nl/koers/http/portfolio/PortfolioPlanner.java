package nl.koers.http.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import nl.koers.api.evaluation.ScheduleEvaluation;
import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.RetargetKpi;
import nl.koers.api.milestone.PlanMilestone;
import nl.koers.api.milestone.RebaselineMilestone;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.http.portfolio.PortfolioPlan.Action;
import nl.koers.http.portfolio.PortfolioPlan.Item;
import nl.koers.http.portfolio.PortfolioPlan.Kind;
import nl.koers.input.Caller;
import nl.koers.input.Role;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.MilestoneView;
import nl.koers.navigation.programme.ProgrammeView;

/**
 * Compares a document with the stored programmes and decides, item by item, which commands would make them alike.
 * Only what a command can do is planned: a new item is defined; a KPI's target, target date and tolerance are
 * retargeted; a milestone's due date is re-baselined (with {@code approvedBy}, by a caller with the STEERING role).
 * Every other difference refuses its item, which is then left as it is: there is no command for it, and a KPI's unit
 * and direction never change. Items are compared by id; an item left out of the document is not touched.
 */
final class PortfolioPlanner {

    static final String RETARGET_REASON = "Retargeted through a portfolio document";
    static final String REBASELINE_REASON = "Re-baselined through a portfolio document";
    private static final String AS_STORED = "As stored.";

    /** An item with the commands that carry it out, in the order they are sent. */
    record Step(Item item, List<Object> commands) {
    }

    private final Function<String, Optional<ProgrammeView>> stored;
    private final Caller caller;
    private final Validator validator;

    PortfolioPlanner(Function<String, Optional<ProgrammeView>> stored, Caller caller, Validator validator) {
        this.stored = stored;
        this.caller = caller;
        this.validator = validator;
    }

    List<Step> plan(PortfolioDocument document) {
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PortfolioDocument.Programme programme : document.programmes()) {
            if (!seen.add(programme.id())) {
                steps.add(refused(Kind.PROGRAMME, programme.id(), programme.id(),
                        "The programme appears more than once in the document; only its first entry counts."));
                continue;
            }
            steps.addAll(programme(programme));
        }
        return steps;
    }

    private List<Step> programme(PortfolioDocument.Programme programme) {
        String pid = programme.id();
        List<Step> steps = new ArrayList<>();
        if (pid == null || !caller.sees(pid)) {
            String why = "The programme is outside the caller's programmes.";
            steps.add(refused(Kind.PROGRAMME, pid, pid, why));
            children(programme).forEach(child -> steps.add(refused(child.kind(), pid, child.id(), why)));
            return steps;
        }
        Optional<ProgrammeView> current = stored.apply(pid);
        Item item = current.map(view -> changedProgramme(programme, view)).orElseGet(() -> newProgramme(programme));
        steps.add(new Step(item, item.action() == Action.CREATE ? List.of(defineProgramme(programme)) : List.of()));
        boolean closed = current.map(view -> view.status() == ProgrammeStatus.CLOSED).orElse(false);
        if (current.isEmpty() && item.action() == Action.REFUSED) {
            String why = "Its programme is refused: " + item.detail();
            children(programme).forEach(child -> steps.add(refused(child.kind(), pid, child.id(), why)));
            return steps;
        }
        Map<String, KpiView> kpis = byId(current.map(ProgrammeView::kpis).orElse(List.of()), KpiView::id);
        Map<String, MilestoneView> milestones = byId(current.map(ProgrammeView::milestones).orElse(List.of()), MilestoneView::id);
        Map<String, EvaluationView> evaluations = byId(current.map(ProgrammeView::evaluations).orElse(List.of()), EvaluationView::id);
        Set<String> seen = new HashSet<>();
        for (PortfolioDocument.Kpi kpi : programme.kpis()) {
            steps.add(once(seen, Kind.KPI, pid, kpi.id(), () -> kpi(pid, kpi, kpis.get(kpi.id()))));
        }
        for (PortfolioDocument.Milestone milestone : programme.milestones()) {
            steps.add(once(seen, Kind.MILESTONE, pid, milestone.id(),
                    () -> milestone(pid, milestone, milestones.get(milestone.id()))));
        }
        for (PortfolioDocument.Evaluation evaluation : programme.evaluations()) {
            steps.add(once(seen, Kind.EVALUATION, pid, evaluation.id(),
                    () -> evaluation(pid, evaluation, evaluations.get(evaluation.id()))));
        }
        if (closed) {
            steps.replaceAll(step -> step.item().action() == Action.CREATE || step.item().action() == Action.CHANGE
                    ? refused(step.item(), "The programme is CLOSED and takes no changes.") : step);
        }
        return steps;
    }

    private Item newProgramme(PortfolioDocument.Programme programme) {
        Optional<String> invalid = invalid(programme);
        if (invalid.isPresent()) {
            return item(Kind.PROGRAMME, programme.id(), programme.id(), Action.REFUSED, List.of(), List.of(), invalid.get());
        }
        if (!caller.roles().contains(Role.OFFICE) || !caller.programmes().isEmpty()) {
            return item(Kind.PROGRAMME, programme.id(), programme.id(), Action.REFUSED, List.of(), List.of(),
                    "Only the programme office of the whole portfolio defines programmes.");
        }
        return item(Kind.PROGRAMME, programme.id(), programme.id(), Action.CREATE, List.of("DefineProgramme"), List.of(),
                "A new programme.");
    }

    private Item changedProgramme(PortfolioDocument.Programme programme, ProgrammeView view) {
        List<String> fields = new ArrayList<>();
        differs(fields, "name", programme.name(), view.name());
        differs(fields, "description", programme.description(), view.description());
        differs(fields, "owner", programme.owner(), view.owner());
        differs(fields, "startDate", programme.startDate(), view.startDate());
        differs(fields, "plannedEndDate", programme.plannedEndDate(), view.plannedEndDate());
        differs(fields, "objectives", objectives(programme.objectives().stream()
                .map(o -> new Objective(o.id(), o.statement())).toList()), objectives(view.objectives()));
        if (fields.isEmpty()) {
            return item(Kind.PROGRAMME, programme.id(), programme.id(), Action.UNCHANGED, List.of(), List.of(), AS_STORED);
        }
        return item(Kind.PROGRAMME, programme.id(), programme.id(), Action.REFUSED, List.of(), fields,
                "No command changes a programme's " + String.join(", ", fields) + ".");
    }

    private Step kpi(String pid, PortfolioDocument.Kpi kpi, KpiView view) {
        if (view == null) {
            return created(Kind.KPI, pid, kpi.id(), kpi, "DefineKpi", new DefineKpi(pid, kpi.id(), kpi.name(), kpi.unit(),
                    kpi.direction(), kpi.baseline(), kpi.baselineDate(), kpi.target(), kpi.targetDate(), kpi.tolerance(),
                    kpi.cadence(), kpi.objectiveId(), kpi.lever()));
        }
        Optional<String> invalid = invalid(kpi);
        if (invalid.isPresent()) {
            return refused(Kind.KPI, pid, kpi.id(), invalid.get());
        }
        List<String> fixed = new ArrayList<>();
        differs(fixed, "unit", kpi.unit(), view.unit());
        differs(fixed, "direction", kpi.direction(), view.direction());
        List<String> noCommand = new ArrayList<>();
        differs(noCommand, "name", kpi.name(), view.name());
        differs(noCommand, "baseline", kpi.baseline(), view.baseline());
        differs(noCommand, "baselineDate", kpi.baselineDate(), view.baselineDate());
        differs(noCommand, "cadence", kpi.cadence(), view.cadence());
        differs(noCommand, "objectiveId", kpi.objectiveId(), view.objectiveId());
        differs(noCommand, "lever", kpi.lever(), view.lever());
        List<String> retarget = new ArrayList<>();
        differs(retarget, "target", kpi.target(), view.target());
        differs(retarget, "targetDate", kpi.targetDate(), view.targetDate());
        differs(retarget, "tolerance", kpi.tolerance(), view.tolerance());
        List<String> fields = new ArrayList<>(fixed);
        fields.addAll(noCommand);
        fields.addAll(retarget);
        if (!fixed.isEmpty()) {
            return new Step(item(Kind.KPI, pid, kpi.id(), Action.REFUSED, List.of(), fields,
                    "A KPI's unit and direction cannot change; define a new KPI instead."), List.of());
        }
        if (!noCommand.isEmpty()) {
            return new Step(item(Kind.KPI, pid, kpi.id(), Action.REFUSED, List.of(), fields,
                    "No command changes a KPI's " + String.join(", ", noCommand) + "."), List.of());
        }
        if (retarget.isEmpty()) {
            return unchanged(Kind.KPI, pid, kpi.id());
        }
        return new Step(item(Kind.KPI, pid, kpi.id(), Action.CHANGE, List.of("RetargetKpi"), fields,
                "Retarget: " + String.join(", ", retarget) + "."),
                List.of(new RetargetKpi(pid, kpi.id(), kpi.target(), kpi.targetDate(), kpi.tolerance(),
                        orElse(kpi.reason(), RETARGET_REASON))));
    }

    private Step milestone(String pid, PortfolioDocument.Milestone milestone, MilestoneView view) {
        if (view == null) {
            return created(Kind.MILESTONE, pid, milestone.id(), milestone, "PlanMilestone",
                    new PlanMilestone(pid, milestone.id(), milestone.title(), milestone.dueDate(), milestone.startDate()));
        }
        Optional<String> invalid = invalid(milestone);
        if (invalid.isPresent()) {
            return refused(Kind.MILESTONE, pid, milestone.id(), invalid.get());
        }
        List<String> noCommand = new ArrayList<>();
        differs(noCommand, "title", milestone.title(), view.title());
        differs(noCommand, "startDate", milestone.startDate(), view.startDate());
        boolean moved = !Objects.equals(milestone.dueDate(), view.dueDate());
        List<String> fields = new ArrayList<>(noCommand);
        if (moved) {
            fields.add("dueDate");
        }
        String why = !noCommand.isEmpty() ? "No command changes a milestone's " + String.join(", ", noCommand) + "."
                : !moved ? null
                : blank(milestone.approvedBy()) ? "A re-baseline needs approvedBy: who approved the new due date."
                : !caller.roles().contains(Role.STEERING) ? "A re-baseline is a steering act: the caller lacks the STEERING role."
                : null;
        if (why != null) {
            return new Step(item(Kind.MILESTONE, pid, milestone.id(), Action.REFUSED, List.of(), fields, why), List.of());
        }
        if (!moved) {
            return unchanged(Kind.MILESTONE, pid, milestone.id());
        }
        return new Step(item(Kind.MILESTONE, pid, milestone.id(), Action.CHANGE, List.of("RebaselineMilestone"), fields,
                "Re-baseline from " + view.dueDate() + " to " + milestone.dueDate() + ", approved by "
                        + milestone.approvedBy() + "."),
                List.of(new RebaselineMilestone(pid, milestone.id(), milestone.dueDate(),
                        orElse(milestone.reason(), REBASELINE_REASON), milestone.approvedBy())));
    }

    private Step evaluation(String pid, PortfolioDocument.Evaluation evaluation, EvaluationView view) {
        if (view == null) {
            return created(Kind.EVALUATION, pid, evaluation.id(), evaluation, "ScheduleEvaluation",
                    new ScheduleEvaluation(pid, evaluation.id(), evaluation.title(), evaluation.scheduledFor()));
        }
        List<String> fields = new ArrayList<>();
        differs(fields, "title", evaluation.title(), view.title());
        differs(fields, "scheduledFor", evaluation.scheduledFor(), view.scheduledFor());
        if (fields.isEmpty()) {
            return unchanged(Kind.EVALUATION, pid, evaluation.id());
        }
        return new Step(item(Kind.EVALUATION, pid, evaluation.id(), Action.REFUSED, List.of(), fields,
                "No command changes an evaluation's " + String.join(", ", fields) + "."), List.of());
    }

    private Step created(Kind kind, String pid, String id, Object documented, String commandName, Object command) {
        Optional<String> invalid = invalid(documented);
        if (invalid.isPresent()) {
            return refused(kind, pid, id, invalid.get());
        }
        return new Step(item(kind, pid, id, Action.CREATE, List.of(commandName), List.of(),
                "A new " + kind.name().toLowerCase(Locale.ROOT) + "."), List.of(command));
    }

    private Step once(Set<String> seen, Kind kind, String pid, String id, Supplier<Step> step) {
        if (id != null && !seen.add(kind + "/" + id)) {
            return refused(kind, pid, id, "The item appears more than once in its programme; only its first entry counts.");
        }
        return step.get();
    }

    private Optional<String> invalid(Object documented) {
        Set<ConstraintViolation<Object>> violations = validator.validate(documented);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                .collect(Collectors.joining("; ")) + ".");
    }

    private static List<Child> children(PortfolioDocument.Programme programme) {
        List<Child> children = new ArrayList<>();
        programme.kpis().forEach(kpi -> children.add(new Child(Kind.KPI, kpi.id())));
        programme.milestones().forEach(milestone -> children.add(new Child(Kind.MILESTONE, milestone.id())));
        programme.evaluations().forEach(evaluation -> children.add(new Child(Kind.EVALUATION, evaluation.id())));
        return children;
    }

    private record Child(Kind kind, String id) {
    }

    /** Compares decimals by value (28 and 28.0 are one target) and texts with blanks as absent. */
    private static void differs(List<String> fields, String field, Object documented, Object stored) {
        boolean same = documented instanceof BigDecimal a && stored instanceof BigDecimal b
                ? a.compareTo(b) == 0
                : Objects.equals(normal(documented), normal(stored));
        if (!same) {
            fields.add(field);
        }
    }

    private static Object normal(Object value) {
        return value instanceof String text && text.isBlank() ? null : value;
    }

    private static Map<String, Objective> objectives(List<Objective> objectives) {
        Map<String, Objective> byId = new LinkedHashMap<>();
        objectives.forEach(objective -> byId.put(objective.id(), objective));
        return byId;
    }

    private static <V> Map<String, V> byId(List<V> values, Function<V, String> id) {
        Map<String, V> byId = new LinkedHashMap<>();
        values.forEach(value -> byId.put(id.apply(value), value));
        return byId;
    }

    private static DefineProgramme defineProgramme(PortfolioDocument.Programme programme) {
        return new DefineProgramme(programme.id(), programme.name(), programme.description(), programme.owner(),
                programme.startDate(), programme.plannedEndDate(),
                programme.objectives().stream().map(o -> new Objective(o.id(), o.statement())).toList());
    }

    private static Item item(Kind kind, String pid, String id, Action action, List<String> commands, List<String> fields,
                             String detail) {
        return new Item(kind, pid, id, action, commands, fields, detail);
    }

    private static Step unchanged(Kind kind, String pid, String id) {
        return new Step(item(kind, pid, id, Action.UNCHANGED, List.of(), List.of(), AS_STORED), List.of());
    }

    private static Step refused(Kind kind, String pid, String id, String why) {
        return new Step(item(kind, pid, id, Action.REFUSED, List.of(), List.of(), why), List.of());
    }

    private static Step refused(Item item, String why) {
        return new Step(item.refused(why), List.of());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orElse(String text, String otherwise) {
        return blank(text) ? otherwise : text;
    }
}
