package nl.koers.app.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * One gauge per set of tags, all of one name, whose values are replaced at each refresh: a gauge is registered once,
 * when its tags first appear, updated in place after that and removed when its tags are gone. (Micrometer's
 * MultiGauge would re-register every row at each refresh: at thousands of KPIs most of the refresh's time.)
 */
final class GaugeFamily {

    private final MeterRegistry registry;
    private final String name;
    private final String unit;
    private final String description;
    private final Map<Tags, Value> gauges = new ConcurrentHashMap<>();

    private static final class Value {
        private volatile double current;
        private Gauge gauge;
    }

    GaugeFamily(MeterRegistry registry, String name, String unit, String description) {
        this.registry = registry;
        this.name = name;
        this.unit = unit;
        this.description = description;
    }

    /** The family's gauges and their values from now on: exactly these tags. */
    void set(Map<Tags, Double> values) {
        values.forEach((tags, value) -> gauges.computeIfAbsent(tags, this::register).current = value);
        gauges.entrySet().removeIf(entry -> {
            boolean gone = !values.containsKey(entry.getKey());
            if (gone) {
                registry.remove(entry.getValue().gauge);
            }
            return gone;
        });
    }

    private Value register(Tags tags) {
        Value value = new Value();
        value.gauge = Gauge.builder(name, value, holder -> holder.current)
                .tags(tags).baseUnit(unit).description(description).strongReference(true).register(registry);
        return value;
    }
}
