namespace Shishin.Core.Services;

/// <summary>
/// What is wrong with one field of a register write. <see cref="Field"/> is one of <see cref="ServiceFields"/> (the API's
/// JSON property names); the web pages and the API turn <see cref="Code"/> into a sentence in the reader's language.
/// </summary>
public sealed record ServiceError(string Field, ServiceErrorCode Code, int? Limit = null);
