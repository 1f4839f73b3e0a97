namespace Shishin.Web;

/// <summary>
/// Marker for the shared string table. Keys are the English text; Resources/SharedResource.ja.resx holds Japanese,
/// the default language. A test fails when a key used in code has no Japanese entry.
/// </summary>
public sealed class SharedResource;
