namespace Shishin.Core.Auditing;

/// <summary>
/// Marks an entity whose rows are machine measurements (scan pages and findings, uptime probes, aggregates): written by
/// jobs in bulk and never edited by a person, so the audit log records the action that caused them (a scan queued or
/// cancelled, an upload) instead of one event per row.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MeasurementDataAttribute : Attribute;
