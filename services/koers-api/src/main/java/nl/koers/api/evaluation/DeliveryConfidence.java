package nl.koers.api.evaluation;

public enum DeliveryConfidence {
    GREEN, AMBER_GREEN, AMBER, AMBER_RED, RED
}
