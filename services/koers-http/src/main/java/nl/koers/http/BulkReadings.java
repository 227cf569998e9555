package nl.koers.http;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.validation.Validator;
import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.api.kpi.ReadingReceipt;
import nl.koers.api.kpi.RecordReading;
import nl.koers.http.BulkReadingReport.Outcome;
import nl.koers.http.BulkReadingReport.RowOutcome;
import nl.koers.input.Ids;
import nl.koers.input.InstantOrDateDeserializer;
import nl.koers.input.Storable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Records the rows of a CSV file of readings, each as the {@link RecordReading} command the single-reading endpoint
 * sends, under the same rules. The rows are sent as they are read, a window of them at a time, so the KPIs' writers
 * commit them in groups ({@code GroupCommit}) while the file is still being read, and the file is never held whole.
 * A row that is not a reading, or that its KPI refuses, is reported and the rest go on.
 */
@Component
class BulkReadings {

    /** Rows sent and not yet answered: enough to fill the writers' groups, few enough to keep memory flat. */
    static final int IN_FLIGHT = 512;
    private static final Logger log = LoggerFactory.getLogger(BulkReadings.class);

    private final CommandGateway commands;
    private final Validator validator;

    BulkReadings(CommandGateway commands, Validator validator) {
        this.commands = commands;
        this.validator = validator;
    }

    BulkReadingReport record(String programmeId, InputStream body, boolean everyRow)
            throws IOException, ReadingsCsv.InvalidHeader, ReadingsCsv.Unreadable {
        BulkReadingReport.Tally tally = new BulkReadingReport.Tally(everyRow);
        Deque<CompletableFuture<RowOutcome>> inFlight = new ArrayDeque<>();
        try (ReadingsCsv csv = ReadingsCsv.open(body)) {
            for (ReadingsCsv.Row row = csv.next(); row != null; row = csv.next()) {
                inFlight.addLast(send(programmeId, row));
                while (inFlight.size() >= IN_FLIGHT) {
                    tally.add(inFlight.removeFirst().join());
                }
            }
        } catch (ReadingsCsv.Unreadable e) {
            inFlight.addLast(CompletableFuture.completedFuture(rejected(
                    new ReadingsCsv.Row(e.line(), null, null, null, null, null, null), HttpStatus.BAD_REQUEST, e.getMessage())));
        } finally {
            while (!inFlight.isEmpty()) {
                tally.add(inFlight.removeFirst().join());
            }
        }
        return tally.report();
    }

    /** The row's outcome once its command is answered; at once when the row is no reading. */
    private CompletableFuture<RowOutcome> send(String programmeId, ReadingsCsv.Row row) {
        List<String> problems = new ArrayList<>();
        RecordReading command = command(programmeId, row, problems);
        if (command == null) {
            return CompletableFuture.completedFuture(rejected(row, HttpStatus.BAD_REQUEST, String.join("; ", problems) + "."));
        }
        return commands.<ReadingReceipt>send(command).handle((receipt, failure) -> failure == null
                ? answered(row, receipt)
                : refused(row, failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
    }

    /** The row's reading, or null with the problems of its cells, judged as the single-reading endpoint judges them. */
    private RecordReading command(String programmeId, ReadingsCsv.Row row, List<String> problems) {
        String kpiId = trimmed(row.kpiId());
        if (kpiId == null) {
            problems.add("kpiId is required");
        } else if (!kpiId.matches(Ids.SLUG)) {
            problems.add("kpiId " + Ids.SLUG_MESSAGE);
        }
        BigDecimal value = value(trimmed(row.value()), problems);
        Instant measuredAt = measuredAt(trimmed(row.measuredAt()), problems);
        KpiRequests.RecordReading reading = new KpiRequests.RecordReading(value, measuredAt, trimmed(row.readingId()),
                blankAsNull(row.source()), blankAsNull(row.note()));
        validator.validate(reading).stream()
                .filter(violation -> problems.stream().noneMatch(p -> p.startsWith(violation.getPropertyPath() + " ")))
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .forEach(problems::add);
        storable("source", reading.source(), problems);
        storable("note", reading.note(), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new RecordReading(programmeId, kpiId, reading.readingId(), value, measuredAt, reading.source(),
                reading.note());
    }

    private static BigDecimal value(String text, List<String> problems) {
        if (text == null) {
            problems.add("value is required");
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add("value must be a finite decimal number");
            return null;
        }
    }

    private static Instant measuredAt(String text, List<String> problems) {
        if (text == null) {
            problems.add("measuredAt is required");
            return null;
        }
        try {
            return InstantOrDateDeserializer.parse(text);
        } catch (DateTimeParseException e) {
            problems.add("measuredAt must be an instant like 2026-03-01T09:30:00Z or a date like 2026-03-01");
            return null;
        }
    }

    private static void storable(String field, String text, List<String> problems) {
        if (text != null && !Storable.text(text)) {
            problems.add(field + " is not storable text");
        }
    }

    private static RowOutcome answered(ReadingsCsv.Row row, ReadingReceipt receipt) {
        return receipt.duplicate()
                ? outcome(row, Outcome.DUPLICATE, HttpStatus.OK, null)
                : outcome(row, Outcome.RECORDED, HttpStatus.CREATED, null);
    }

    /** What the single-reading endpoint would have answered to a command that failed. */
    private static RowOutcome refused(ReadingsCsv.Row row, Throwable failure) {
        if (failure instanceof RuleViolationException) {
            return rejected(row, HttpStatus.BAD_REQUEST, failure.getMessage());
        }
        if (failure instanceof NotFoundException) {
            return rejected(row, HttpStatus.NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof AggregateNotFoundException) {
            return rejected(row, HttpStatus.NOT_FOUND, "There is no KPI '" + trimmed(row.kpiId()) + "' in this programme.");
        }
        if (failure instanceof ConflictException) {
            return rejected(row, HttpStatus.CONFLICT, failure.getMessage());
        }
        if (failure instanceof AggregateStreamCreationException || failure instanceof ConcurrencyException) {
            return rejected(row, HttpStatus.CONFLICT, "The KPI was changed at the same moment by another request; send the row again.");
        }
        if (DatabaseUnavailable.causes(failure)) {
            return rejected(row, HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is unavailable; send the file again in a few seconds (recorded rows are recorded once).");
        }
        log.error("Reading of line {} failed", row.line(), failure);
        return rejected(row, HttpStatus.INTERNAL_SERVER_ERROR, "The row could not be recorded; send the file again later.");
    }

    private static RowOutcome rejected(ReadingsCsv.Row row, HttpStatus status, String detail) {
        return outcome(row, Outcome.REJECTED, status, detail);
    }

    private static RowOutcome outcome(ReadingsCsv.Row row, Outcome outcome, HttpStatus status, String detail) {
        return new RowOutcome(row.line(), trimmed(row.kpiId()), trimmed(row.readingId()), outcome, status.value(), detail);
    }

    private static String trimmed(String cell) {
        return cell == null || cell.isBlank() ? null : cell.trim();
    }

    private static String blankAsNull(String cell) {
        return cell == null || cell.isEmpty() ? null : cell;
    }
}
