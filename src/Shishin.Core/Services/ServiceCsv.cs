using System.Text;

namespace Shishin.Core.Services;

/// <summary>
/// The service register as CSV (docs/service-csv.md): its columns, limits, and how a file's encoding is recognised.
/// Import and export share these so that an exported file imports without changes.
/// </summary>
public static class ServiceCsv
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 10_000;

    public const string Key = "key";
    public const string NameJa = "name_ja";
    public const string NameEn = "name_en";
    public const string Organization = "organization";
    public const string Phase = "phase";
    public const string Public = "public";
    public const string Channel = "channel";
    public const string EntryUrls = "entry_urls";
    public const string DescriptionJa = "description_ja";
    public const string DescriptionEn = "description_en";
    public const string Partners = "partners";

    /// <summary>Every column, in the order the export writes them; an import may have them in any order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [Key, NameJa, NameEn, Organization, Phase, Public, Channel, EntryUrls, DescriptionJa, DescriptionEn, Partners];

    /// <summary>
    /// The columns a file must have. The others may be left out: an update then keeps what the service has, and a new
    /// service starts with them empty.
    /// </summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [Key, NameJa, NameEn, Organization, Phase, Public, Channel];

    public static IReadOnlyList<string> ChannelKeys { get; } = [.. Enum.GetValues<ServiceChannel>().Select(ChannelKey)];

    public static string ChannelKey(ServiceChannel channel) => channel.ToString().ToLowerInvariant();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of a file, with the name of its encoding, or null when it is neither: UTF-8 with or without a byte order
    /// mark, else Shift_JIS as Excel writes it (code page 932, a superset). Bytes that are not valid UTF-8 decide: Japanese
    /// in Shift_JIS is practically never valid UTF-8, and ASCII reads the same either way.
    /// </summary>
    public static (string Text, string Encoding)? Decode(ReadOnlySpan<byte> content)
    {
        var bom = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        try
        {
            return (StrictUtf8.GetString(bom ? content[3..] : content), bom ? "UTF-8 (BOM)" : "UTF-8");
        }
        catch (DecoderFallbackException) when (!bom)
        {
            // Not UTF-8: try Shift_JIS below.
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        try
        {
            var cp932 = System.Text.Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return (cp932.GetString(content), "Shift_JIS (CP932)");
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Code page 932 comes from the code pages provider, which .NET does not register by itself. Idempotent; called where
    /// the core services are added, so that the CLI and the web host (and its request charset check) both know it.
    /// </summary>
    public static void RegisterEncodings() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// A cell as the export writes it: RFC 4180 quoting, and the apostrophe that keeps a spreadsheet from running a cell
    /// as a formula (<see cref="Csv.Cell"/>, as in the audit CSV).
    /// </summary>
    public static string Cell(string? value) => Csv.Cell(value);

    /// <summary>
    /// Undoes <see cref="Cell"/>'s apostrophe (one before =, +, -, @, tab or CR), so that an exported file imports
    /// unchanged. A value that really starts with an apostrophe and one of those characters loses its apostrophe.
    /// </summary>
    public static string Unneutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
    }
}
