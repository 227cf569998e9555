package nl.koers.navigation.report;

import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.signal.Severity;
import nl.koers.rules.Health;
import nl.koers.rules.Status;

/**
 * How good or bad a status reads, as a colour and, for readers who do not see the colour (or print in grey), as a
 * shape: a circle for good, a triangle for watch, a square for bad, a ring for neither.
 */
enum Tone {
    GOOD("#2e7d32", "good"), WATCH("#b26a00", "watch"), BAD("#c62828", "bad"), NEUTRAL("#616161", "neutral");

    private final String colour;
    private final String cssClass;

    Tone(String colour, String cssClass) {
        this.colour = colour;
        this.cssClass = cssClass;
    }

    String colour() {
        return colour;
    }

    String cssClass() {
        return cssClass;
    }

    static Tone of(Status status) {
        return switch (status) {
            case GREEN -> GOOD;
            case AMBER -> WATCH;
            case RED -> BAD;
            case NO_DATA -> NEUTRAL;
        };
    }

    static Tone of(Health health) {
        return switch (health) {
            case GREEN -> GOOD;
            case AMBER -> WATCH;
            case RED -> BAD;
        };
    }

    static Tone of(DeliveryConfidence confidence) {
        if (confidence == null) {
            return NEUTRAL;
        }
        return switch (confidence) {
            case GREEN -> GOOD;
            case AMBER_GREEN, AMBER -> WATCH;
            case AMBER_RED, RED -> BAD;
        };
    }

    static Tone of(Severity severity) {
        return switch (severity) {
            case CRITICAL -> BAD;
            case WARNING -> WATCH;
            case INFO -> NEUTRAL;
        };
    }

    /** The tone's shape centred on (x, y), about {@code size} across. */
    void mark(Svg svg, double x, double y, double size) {
        double h = size / 2;
        switch (this) {
            case GOOD -> svg.circle(x, y, h, colour, null);
            case WATCH -> svg.polygon(new double[] {x, y - h, x + h, y + h * 0.8, x - h, y + h * 0.8}, colour, 1);
            case BAD -> svg.rect(x - h * 0.85, y - h * 0.85, h * 1.7, h * 1.7, colour, 1);
            case NEUTRAL -> svg.circle(x, y, h * 0.75, "#ffffff", colour);
        }
    }
}
