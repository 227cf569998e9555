package nl.koers.http.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.Lever;
import nl.koers.input.Ids;

/**
 * A portfolio's definitions in one document: its programmes, each with its objectives, KPIs, milestones and evaluation
 * moments, with the fields of their {@code POST} bodies. Ids match a document's items to the stored ones. A KPI's
 * {@code reason} goes with a retarget; a milestone's {@code reason} and {@code approvedBy} with a re-baseline: they are
 * read when the item changes, and an export leaves them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortfolioDocument(List<@NotNull @Valid Programme> programmes) {

    public PortfolioDocument {
        programmes = programmes == null ? List.of() : programmes;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "description", "owner", "startDate", "plannedEndDate", "objectives", "kpis",
            "milestones", "evaluations"})
    @Schema(name = "PortfolioProgramme")
    public record Programme(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @Size(max = 200) String owner,
            @NotNull LocalDate startDate,
            @NotNull LocalDate plannedEndDate,
            @Size(max = 100) List<@NotNull @Valid Objective> objectives,
            List<@NotNull Kpi> kpis,
            List<@NotNull Milestone> milestones,
            List<@NotNull Evaluation> evaluations) {

        public Programme {
            objectives = objectives == null ? List.of() : objectives;
            kpis = kpis == null ? List.of() : kpis;
            milestones = milestones == null ? List.of() : milestones;
            evaluations = evaluations == null ? List.of() : evaluations;
        }
    }

    public record Objective(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 1000) String statement) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PortfolioKpi")
    public record Kpi(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 50) String unit,
            @NotNull Direction direction,
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal baseline,
            @NotNull LocalDate baselineDate,
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal target,
            @NotNull LocalDate targetDate,
            @NotNull @Digits(integer = 15, fraction = 10) BigDecimal tolerance,
            @NotBlank @Size(max = 20) String cadence,
            @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String objectiveId,
            Lever lever,
            @Size(max = 2000) String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PortfolioMilestone")
    public record Milestone(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate dueDate,
            LocalDate startDate,
            @Size(max = 2000) String reason,
            @Size(max = 200) String approvedBy) {
    }

    @Schema(name = "PortfolioEvaluation")
    public record Evaluation(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate scheduledFor) {
    }
}
