package nl.koers.http.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Validator;
import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.http.portfolio.PortfolioPlan.Action;
import nl.koers.http.portfolio.PortfolioPlan.Item;
import nl.koers.http.portfolio.PortfolioPlan.Kind;
import nl.koers.input.Caller;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.MilestoneView;
import nl.koers.navigation.programme.ProgrammeReader;
import nl.koers.navigation.programme.ProgrammeSummary;
import nl.koers.navigation.programme.ProgrammeView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The portfolio as one document: planned against the programmes as they are now, applied through the same commands as
 * the API's endpoints (sent from the caller's request, so the caller is every event's actor), and exported as a
 * document that applying leaves unchanged.
 */
@Service
public class Portfolio {

    private static final Logger log = LoggerFactory.getLogger(Portfolio.class);

    private final CommandGateway commands;
    private final ProgrammeReader programmes;
    private final Validator validator;

    Portfolio(CommandGateway commands, ProgrammeReader programmes, Validator validator) {
        this.commands = commands;
        this.programmes = programmes;
        this.validator = validator;
    }

    /** What applying {@code document} would do; records nothing. */
    public PortfolioPlan plan(PortfolioDocument document, Caller caller) {
        return PortfolioPlan.of(steps(document, caller).stream().map(PortfolioPlanner.Step::item).toList());
    }

    /**
     * Carries out the plan item by item, in the document's order (a programme before its parts); an item whose command
     * is refused is answered REFUSED with the reason, and the others go on.
     */
    public PortfolioPlan apply(PortfolioDocument document, Caller caller) {
        List<Item> done = new ArrayList<>();
        Set<String> undefined = new HashSet<>();
        for (PortfolioPlanner.Step step : steps(document, caller)) {
            Item item = step.item();
            if (item.kind() != Kind.PROGRAMME && item.action() == Action.CREATE && undefined.contains(item.programmeId())) {
                done.add(item.refused("Its programme could not be defined."));
                continue;
            }
            Optional<String> refusal = carriedOut(step.commands());
            if (refusal.isPresent() && item.kind() == Kind.PROGRAMME) {
                undefined.add(item.programmeId());
            }
            done.add(refusal.map(item::refused).orElse(item));
        }
        return PortfolioPlan.of(done);
    }

    /** The definitions of the programmes the caller sees (or of {@code programmeId} alone), as known at {@code asOf}. */
    public PortfolioDocument export(Caller caller, String programmeId, Instant asOf) {
        List<String> ids = programmeId != null ? List.of(programmeId)
                : programmes.programmes(asOf).stream().map(ProgrammeSummary::id).filter(caller::sees).sorted().toList();
        List<PortfolioDocument.Programme> exported = new ArrayList<>();
        for (String id : ids) {
            Optional<ProgrammeView> view = caller.sees(id) ? programmes.programme(id, asOf) : Optional.empty();
            if (view.isEmpty() && programmeId != null) {
                throw new NotFoundException("There is no programme '" + id + "'.");
            }
            view.map(Portfolio::documented).ifPresent(exported::add);
        }
        return new PortfolioDocument(exported);
    }

    private List<PortfolioPlanner.Step> steps(PortfolioDocument document, Caller caller) {
        return new PortfolioPlanner(id -> programmes.programme(id, null), caller, validator).plan(document);
    }

    /** Empty when every command was stored; else why the first refused one was refused. */
    private Optional<String> carriedOut(List<Object> commandsOfItem) {
        for (Object command : commandsOfItem) {
            try {
                commands.sendAndWait(command);
            } catch (ConflictException | RuleViolationException | NotFoundException e) {
                return Optional.of(e.getMessage());
            } catch (AggregateNotFoundException e) {
                return Optional.of("The programme or item does not exist.");
            } catch (RuntimeException e) {
                log.warn("Portfolio apply: {} failed", command.getClass().getSimpleName(), e);
                return Optional.of("The command could not be carried out; nothing of this item was recorded. Try again later.");
            }
        }
        return Optional.empty();
    }

    private static PortfolioDocument.Programme documented(ProgrammeView view) {
        return new PortfolioDocument.Programme(view.id(), view.name(), view.description(), view.owner(), view.startDate(),
                view.plannedEndDate(),
                view.objectives().stream().map(o -> new PortfolioDocument.Objective(o.id(), o.statement())).toList(),
                view.kpis().stream().map(Portfolio::documented).toList(),
                view.milestones().stream().map(Portfolio::documented).toList(),
                view.evaluations().stream().map(Portfolio::documented).toList());
    }

    private static PortfolioDocument.Kpi documented(KpiView kpi) {
        return new PortfolioDocument.Kpi(kpi.id(), kpi.name(), kpi.unit(), kpi.direction(), kpi.baseline(),
                kpi.baselineDate(), kpi.target(), kpi.targetDate(), kpi.tolerance(), kpi.cadence(), kpi.objectiveId(),
                kpi.lever(), null);
    }

    private static PortfolioDocument.Milestone documented(MilestoneView milestone) {
        return new PortfolioDocument.Milestone(milestone.id(), milestone.title(), milestone.dueDate(),
                milestone.startDate(), null, null);
    }

    private static PortfolioDocument.Evaluation documented(EvaluationView evaluation) {
        return new PortfolioDocument.Evaluation(evaluation.id(), evaluation.title(), evaluation.scheduledFor());
    }
}
