namespace Shishin.Core.Services;

/// <summary>
/// A service as a person or a client states it, before any check. Organisations are named by their keys and the
/// channel and phase by their keys (<c>web</c>, <c>service-design</c>) or Japanese phase names, so the form, the API
/// and the CSV import give the register the same words. <see cref="Phase"/> is required to create a service; on an
/// update null keeps the phase, another phase records a change dated today.
/// </summary>
public sealed record ServiceInput(
    string Key,
    string NameJa,
    string NameEn,
    string DescriptionJa,
    string DescriptionEn,
    string Organization,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> EntryUrls,
    string Audience,
    string Channel,
    bool IsPublic,
    string? Phase);
