namespace Shishin.Core.Services;

/// <summary>A step in a service's lifecycle as the team records it: the phase, the day it was entered (Japan date; null is today) and why.</summary>
public sealed record PhaseInput(string Phase, DateOnly? EnteredOn, string? Note);
