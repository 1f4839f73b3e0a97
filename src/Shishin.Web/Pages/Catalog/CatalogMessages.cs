using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Shishin.Core;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// Turns the catalogue's English message templates (which are also their translation keys) into messages in the
/// page's language, and puts the issues of a <see cref="CatalogException"/> on the form fields they concern.
/// </summary>
public static partial class CatalogMessages
{
    /// <summary>The message of a template in the current language; field names among the arguments are translated too.</summary>
    public static string Format(IStringLocalizer l, string template, IReadOnlyList<object> args)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(args);
        var shown = args.Select(a => a is string s ? FieldName(l, s) : a).ToArray();
        return l[template, shown];
    }

    public static string Format(IStringLocalizer l, CatalogException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Format(l, exception.Template, exception.Args);
    }

    public static string Format(IStringLocalizer l, CatalogIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return Format(l, issue.Template, issue.Args);
    }

    /// <summary>
    /// Adds every issue of <paramref name="exception"/> to the field <paramref name="fieldFor"/> names for its path
    /// (<c>title.ja</c>, <c>mappings.wcag[0].criterion</c>); issues without a field go to the top of the form.
    /// An exception without issues adds its own message.
    /// </summary>
    public static void AddTo(ModelStateDictionary state, IStringLocalizer l, CatalogException exception, Func<string, string?> fieldFor)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(exception);
        AddTo(state, l, exception.Issues, fieldFor);
        if (exception.Issues.Count == 0)
        {
            state.AddModelError(string.Empty, Format(l, exception));
        }
    }

    public static void AddTo(ModelStateDictionary state, IStringLocalizer l, IEnumerable<CatalogIssue> issues, Func<string, string?> fieldFor)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(fieldFor);
        foreach (var issue in issues)
        {
            var field = fieldFor(issue.Field) ?? string.Empty;
            var message = Format(l, issue);
            // The same message on the same field once is enough (e.g. two unknown rules give two messages, not four),
            // and a length the form's own limit already reported is not reported again in the catalogue's words.
            var exists = state.TryGetValue(field, out var entry);
            if (exists && field.Length > 0 && entry!.Errors.Count > 0 && issue.Template.Contains("longer than", StringComparison.Ordinal))
            {
                continue;
            }

            if (!exists || entry!.Errors.All(e => e.ErrorMessage != message))
            {
                state.AddModelError(field, message);
            }
        }
    }

    /// <summary>
    /// Looks a field path up in a map from paths without indexes (<c>mappings.wcag.criterion</c>) to form fields,
    /// trying shorter paths until one matches: <c>mappings.wcag[2].version</c> finds <c>mappings.wcag</c>.
    /// </summary>
    public static string? Lookup(IReadOnlyDictionary<string, string> map, string path)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(path);
        var key = Index().Replace(path, "");
        while (true)
        {
            if (map.TryGetValue(key, out var field))
            {
                return field;
            }

            var dot = key.LastIndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            key = key[..dot];
        }
    }

    /// <summary>Catalogue field names as people read them; other arguments (ids, rule names) stay as they are.</summary>
    private static string FieldName(IStringLocalizer l, string name) => Index().Replace(name, "") switch
    {
        "title" => l["Title"],
        "guidance" => l["Guidance"],
        "evidence" => l["Evidence"],
        "name" => l["Name"],
        "description" => l["Description"],
        "changelog" => l["Changelog"],
        "label" => l["Label"],
        "summary" => l["Summary"],
        "purpose" => l["Purpose"],
        "rationale" => l["Why the change is needed"],
        "supportingEvidence" => l["Supporting evidence"],
        _ => name,
    };

    public static string Tokyo(DateTime utc) =>
        JapanTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);


    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex Index();
}
