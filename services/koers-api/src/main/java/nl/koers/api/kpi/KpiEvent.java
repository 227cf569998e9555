package nl.koers.api.kpi;

import nl.koers.api.ProgrammeEvent;

/** An event about one KPI: its definition, a retarget, or one of its readings. */
public interface KpiEvent extends ProgrammeEvent {

    String kpiId();
}
