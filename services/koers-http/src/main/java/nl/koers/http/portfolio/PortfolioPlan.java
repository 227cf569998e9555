package nl.koers.http.portfolio;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** What applying a document does, or did, item by item, and how many items of each action. */
public record PortfolioPlan(List<Item> items, Map<Action, Integer> counts) {

    public enum Kind {
        PROGRAMME, KPI, MILESTONE, EVALUATION
    }

    public enum Action {
        CREATE, CHANGE, UNCHANGED, REFUSED
    }

    /**
     * One item of the document: {@code commands} are the names of the commands that carry it out, {@code fields} the
     * fields that differ from the stored item, {@code detail} why it is refused (or what it changes).
     */
    @Schema(name = "PortfolioPlanItem")
    public record Item(
            Kind kind,
            String programmeId,
            String id,
            Action action,
            @Schema(example = "[\"RetargetKpi\"]") List<String> commands,
            @Schema(example = "[\"target\", \"targetDate\"]") List<String> fields,
            String detail) {

        Item refused(String why) {
            return new Item(kind, programmeId, id, Action.REFUSED, List.of(), fields, why);
        }
    }

    static PortfolioPlan of(List<Item> items) {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            counts.put(action, 0);
        }
        items.forEach(item -> counts.merge(item.action(), 1, Integer::sum));
        return new PortfolioPlan(List.copyOf(items), counts);
    }
}
