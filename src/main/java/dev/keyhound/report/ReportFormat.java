package dev.keyhound.report;

public enum ReportFormat { TEXT, JSON, SARIF }
