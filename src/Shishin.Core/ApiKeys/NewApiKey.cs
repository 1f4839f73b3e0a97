namespace Shishin.Core.ApiKeys;

/// <summary>A key just created: <see cref="PlainText"/> exists only here, to be shown once; the database holds its hash.</summary>
public sealed record NewApiKey(ApiKey Key, string PlainText);
