package nl.koers.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.KoersIntegrationTest;
import nl.koers.tracking.kpi.Kpi;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@KoersIntegrationTest
class KeptKpiSnapshotterTest {

    private static final String PROGRAMME = "kept-snapshot";
    private static final String KPI_KEY = PROGRAMME + "/lead-time";

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    Serializer serializer;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    ApplicationContext spring;

    @Test
    void aSnapshotOfTheKeptKpiHoldsWhatReplayingItsEventsGives() throws Exception {
        givenAKpiWithReadingsCorrectionsAndARetraction();

        DomainEventMessage<Kpi> kept = ((KpiRepository) axon.repository(Kpi.class)).snapshotOfKept(KPI_KEY).orElseThrow();
        jdbc.sql("delete from snapshot_event_entry where aggregate_identifier = ?").param(KPI_KEY).update();
        replayingSnapshotter().scheduleSnapshot(Kpi.class, KPI_KEY);

        assertThat(kept.getSequenceNumber()).isEqualTo(storedSnapshotSequence()).isEqualTo(lastEventSequence());
        assertThat(json(serializer.serialize(kept.getPayload(), byte[].class).getData())).isEqualTo(json(storedSnapshot()));
    }

    private void givenAKpiWithReadingsCorrectionsAndARetraction() throws Exception {
        post("/api/v1/programmes", """
                {"id": "%s", "name": "Digital permits", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30",
                 "objectives": [{"id": "faster", "statement": "Permits decided within 4 weeks"}]}""".formatted(PROGRAMME));
        post("/api/v1/programmes/" + PROGRAMME + "/kpis", """
                {"id": "lead-time", "name": "Permit lead time", "unit": "days", "direction": "LOWER_IS_BETTER",
                 "baseline": 56, "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31",
                 "tolerance": 3, "cadence": "P1W", "objectiveId": "faster", "lever": "PROCESS"}""");
        String readings = "/api/v1/programmes/" + PROGRAMME + "/kpis/lead-time/readings";
        for (int week = 1; week <= 8; week++) {
            post(readings, """
                    {"value": %d, "measuredAt": "2026-02-%02d", "readingId": "w%d"}""".formatted(60 - week, week * 3, week));
        }
        http.perform(MockMvcRequestBuilders.post(readings + "/w2/correction").contentType(MediaType.APPLICATION_JSON)
                .content("{\"value\": 41, \"reason\": \"recounted\"}")).andExpect(status().isNoContent());
        http.perform(MockMvcRequestBuilders.post(readings + "/w5/retraction").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"double entry\"}")).andExpect(status().isNoContent());
    }

    private ResultActions post(String path, String json) throws Exception {
        return http.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated());
    }

    /** Axon's own snapshotter, which replays the KPI's events from the store. */
    private AggregateSnapshotter replayingSnapshotter() {
        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(axon.parameterResolverFactory(),
                new SpringBeanParameterResolverFactory(spring));
        HandlerDefinition handlers = axon.handlerDefinition(Kpi.class);
        return AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(new GenericAggregateFactory<>(
                        AnnotatedAggregateMetaModelFactory.inspectAggregate(Kpi.class, parameters, handlers)))
                .transactionManager(transactions)
                .parameterResolverFactory(parameters)
                .handlerDefinition(handlers)
                .build();
    }

    private long storedSnapshotSequence() {
        return jdbc.sql("select sequence_number from snapshot_event_entry where aggregate_identifier = ?")
                .param(KPI_KEY).query(Long.class).single();
    }

    private byte[] storedSnapshot() {
        return jdbc.sql("select payload from snapshot_event_entry where aggregate_identifier = ?")
                .param(KPI_KEY).query(byte[].class).single();
    }

    private long lastEventSequence() {
        return jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(KPI_KEY).query(Long.class).single();
    }

    private static JsonNode json(byte[] bytes) throws Exception {
        return new ObjectMapper().readTree(bytes);
    }
}
