package nl.koers.api.kpi;

/** The six levers of a transformation; a programme is healthiest when every lever has a KPI. */
public enum Lever {
    STORY, PROCESS, USERS, NAVIGATION, SUPPORT, LEADERSHIP
}
