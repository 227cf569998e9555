package nl.koers.rules.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import nl.koers.api.kpi.Direction;
import nl.koers.rules.Forecast;
import nl.koers.rules.KpiStatusRule;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Reading;
import nl.koers.rules.Shift;
import nl.koers.rules.ShiftDetector;
import nl.koers.rules.Status;
import nl.koers.rules.Target;
import nl.koers.rules.XmrRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The pure rules a recorded reading runs through (not a test): the plan value and status of a reading, and the
 * signal rules over a KPI's history of 100 weekly readings that follow the plan with noise. Run with the service
 * benchmark (see docs/BENCHMARKS.md); writes {@code target/benchmarks/rules.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RulesBenchmark {

    private static final LocalDate BASELINE_DATE = LocalDate.of(2024, 11, 4);
    private static final int READINGS = 100;

    private PlanLine plan;
    private List<Reading> readings;
    private List<BigDecimal> deviations;
    private Reading latest;

    /** Runs every benchmark here and writes JMH's results to {@code target/benchmarks/rules.json}. */
    public static void main(String[] args) throws IOException, RunnerException {
        Path results = Path.of("target", "benchmarks", "rules.json");
        Files.createDirectories(results.getParent());
        new Runner(new OptionsBuilder().include(RulesBenchmark.class.getName())
                .resultFormat(ResultFormatType.JSON).result(results.toString()).build()).run();
    }

    @Setup
    public void portfolio() {
        plan = PlanLine.of(BigDecimal.valueOf(100), BASELINE_DATE,
                new Target(BigDecimal.valueOf(200), LocalDate.of(2027, 6, 28), BigDecimal.TEN), List.of());
        Random noise = new Random(42);
        readings = new ArrayList<>();
        for (int week = 0; week < READINGS; week++) {
            Instant at = BASELINE_DATE.plusWeeks(week).atStartOfDay(ZoneOffset.UTC).toInstant();
            BigDecimal value = plan.valueAt(at).add(BigDecimal.valueOf(noise.nextGaussian() * 10 / 3))
                    .setScale(2, RoundingMode.HALF_EVEN);
            readings.add(Reading.of("w" + week, value, at, at));
        }
        deviations = KpiStatusRule.deviations(readings, plan, Direction.HIGHER_IS_BETTER);
        latest = readings.get(READINGS - 1);
    }

    @Benchmark
    public Status statusOfReading() {
        return KpiStatusRule.statusOf(latest, plan, Direction.HIGHER_IS_BETTER);
    }

    @Benchmark
    public List<BigDecimal> deviationsOfHistory() {
        return KpiStatusRule.deviations(readings, plan, Direction.HIGHER_IS_BETTER);
    }

    @Benchmark
    public Optional<XmrRules.Signal> xmrRules() {
        return XmrRules.evaluate(deviations);
    }

    @Benchmark
    public Optional<Shift> shiftDetector() {
        return ShiftDetector.STANDARD.detect(deviations);
    }

    @Benchmark
    public Optional<Forecast> forecast() {
        return Forecast.of(readings, plan, Direction.HIGHER_IS_BETTER, BigDecimal.valueOf(7));
    }
}
