package fr.mediance.app.core.casework;

/** One option of a list offered on a casework screen: its code and the French text to show. */
public record Choice(String code, String label) {}
