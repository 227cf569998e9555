package nl.koers.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalEvent;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every event about a signal is a {@link SignalEvent} with a webhook kind (a new one fails here until it has its line
 * in {@link SignalEventKind}); a change of severity is an escalation or a de-escalation.
 */
class SignalEventKindTest {

    @Test
    void everySignalEventOfThePublishedLanguageIsDelivered() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProgrammeEvent.class));
        Set<String> signalEvents = scanner.findCandidateComponents(SignalRaised.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toSet());
        assertThat(signalEvents).hasSizeGreaterThanOrEqualTo(4);
        assertThat(SignalEventKind.signalEventTypes().stream().map(Class::getName).collect(Collectors.toSet()))
                .isEqualTo(signalEvents);
        for (Class<?> type : SignalEventKind.signalEventTypes()) {
            assertThat(SignalEvent.class).isAssignableFrom(type);
        }
    }

    @Test
    void aSeverityChangeUpIsAnEscalationAndDownADeescalation() {
        Subject kpi = Subject.kpi("p", "k");
        assertThat(SignalEventKind.of(new SignalSeverityChanged("p", "s", SignalType.KPI_OFF_PLAN, kpi, Severity.WARNING,
                Severity.CRITICAL, "worse", Map.of()))).hasValue(SignalEventKind.ESCALATED);
        assertThat(SignalEventKind.of(new SignalSeverityChanged("p", "s", SignalType.KPI_OFF_PLAN, kpi, Severity.CRITICAL,
                Severity.WARNING, "better", Map.of()))).hasValue(SignalEventKind.DEESCALATED);
    }

    @Test
    void anUpdatedSentenceGoesToStandardSubscriptionsOnlyNotToChats() {
        for (Subscription.Format format : Subscription.Format.values()) {
            Subscription subscription = new Subscription(UUID.randomUUID(), "https://example.org/hook", Set.of(),
                    Severity.INFO, Set.of(), format, "", Subscription.State.ACTIVE, "admin", Instant.EPOCH, null, null, Set.of());
            assertThat(subscription.hearsOf(SignalEventKind.UPDATED)).as(format.name())
                    .isEqualTo(format == Subscription.Format.STANDARD);
            assertThat(subscription.hearsOf(SignalEventKind.RAISED)).as(format.name()).isTrue();
        }
    }
}
