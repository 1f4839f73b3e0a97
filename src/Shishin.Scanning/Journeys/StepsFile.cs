using System.Globalization;
using System.Text.RegularExpressions;
using Shishin.Scanning.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shishin.Scanning.Journeys;

/// <summary>
/// Reads a steps file (docs/scanner.md, "Signed-in journeys"; the reasons in docs/adr/0018-scan-steps-language.md):
/// <code>
/// steps:
///   - goto: /apply/
///   - fill: { selector: "#password", value: "${env:SHISHIN_PASSWORD}" }
///   - click: "button[type=submit]"
///   - wait-for-url: "**/apply/2"
///   - scan: Step 2
/// </code>
/// Every error is collected with its file, line and column; values from the environment never appear in them.
/// </summary>
internal static partial class StepsFile
{
    private static readonly Dictionary<string, StepAction> Keywords = new(StringComparer.Ordinal)
    {
        ["goto"] = StepAction.Goto,
        ["fill"] = StepAction.Fill,
        ["select"] = StepAction.Select,
        ["check"] = StepAction.Check,
        ["uncheck"] = StepAction.Uncheck,
        ["click"] = StepAction.Click,
        ["wait-for"] = StepAction.WaitFor,
        ["wait-for-url"] = StepAction.WaitForUrl,
        ["scan"] = StepAction.Scan,
    };

    /// <exception cref="ScanException">The file cannot be read or has errors (<see cref="ScanFailure.InvalidSteps"/>).</exception>
    public static Journey Load(string path, IReadOnlyList<Uri> startUrls, Func<string, string?>? environment = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScanException(ScanFailure.InvalidSteps, $"The steps file {path} cannot be read ({e.GetType().Name}).");
        }

        return Parse(text, path, startUrls, environment ?? Environment.GetEnvironmentVariable);
    }

    public static Journey Parse(string text, string file, IReadOnlyList<Uri> startUrls, Func<string, string?> environment)
    {
        var reader = new Reader(file, startUrls, environment);
        var journey = reader.Read(text);
        if (reader.Errors.Count > 0)
        {
            throw new ScanException(ScanFailure.InvalidSteps, $"The steps file has {reader.Errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, reader.Errors)}");
        }

        return journey;
    }

    [GeneratedRegex(@"\$\{env:(?<name>[A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentReference();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPrefix();

    private sealed class Reader(string file, IReadOnlyList<Uri> startUrls, Func<string, string?> environment)
    {
        private readonly List<string> secrets = [];

        private readonly List<(long Line, long Column, string Message)> errors = [];

        /// <summary>Every error, in the order of the file.</summary>
        public List<string> Errors => errors
            .OrderBy(e => e.Line).ThenBy(e => e.Column)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{file}:{e.Line}:{e.Column}: {e.Message}"))
            .ToList();

        public Journey Read(string text)
        {
            var steps = new List<JourneyStep>();
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                var message = PositionPrefix().Replace((e.InnerException as YamlException ?? e).Message, "").Trim();
                Error(e.Start, $"YAML syntax error: {message}");
                return new Journey(file, steps, secrets);
            }
            catch (InvalidOperationException)
            {
                errors.Add((1, 1, "YAML syntax error: an unclosed bracket, brace or quote."));
                return new Journey(file, steps, secrets);
            }

            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                errors.Add((1, 1, "a steps file is one YAML mapping with a \"steps\" list."));
                return new Journey(file, steps, secrets);
            }

            YamlSequenceNode? list = null;
            foreach (var (key, value) in root.Children)
            {
                switch (Scalar(key))
                {
                    case "steps" when value is YamlSequenceNode sequence:
                        list = sequence;
                        break;
                    case "steps":
                        Error(value.Start, "\"steps\" must be a list.");
                        break;
                    default:
                        Error(key.Start, $"unknown key \"{Scalar(key)}\"; a steps file has only \"steps\".");
                        break;
                }
            }

            if (list is null)
            {
                if (errors.Count == 0)
                {
                    errors.Add((1, 1, "the \"steps\" list is missing."));
                }

                return new Journey(file, steps, secrets);
            }

            foreach (var item in list.Children)
            {
                if (Step(item, steps.Count + 1) is { } step)
                {
                    steps.Add(step);
                }
            }

            if (list.Children.Count > 0 && !(list.Children[0] is YamlMappingNode { Children.Count: 1 } first && Scalar(first.Children.First().Key) == "goto"))
            {
                Error(list.Children[0].Start, "the first step must be a goto: the journey starts on a page.");
            }

            if (errors.Count == 0 && !steps.Any(s => s.Action == StepAction.Scan))
            {
                Error(list.Start, "there is no scan step, so nothing would be scanned.");
            }

            return new Journey(file, steps, secrets);
        }

        private JourneyStep? Step(YamlNode item, int number)
        {
            // "- scan" alone: a scan step without a name.
            if (item is YamlScalarNode { Value: "scan" })
            {
                return New(item, StepAction.Scan) with { Name = $"scan {number}" };
            }

            if (item is not YamlMappingNode { Children.Count: 1 } mapping)
            {
                Error(item.Start, $"a step is one keyword with its argument, e.g. \"- click: '#next'\"; the keywords are {string.Join(", ", Keywords.Keys)}.");
                return null;
            }

            var (keyNode, argument) = mapping.Children.First();
            var keyword = Scalar(keyNode) ?? "";
            if (!Keywords.TryGetValue(keyword, out var action))
            {
                Error(keyNode.Start, $"unknown step \"{keyword}\"; the keywords are {string.Join(", ", Keywords.Keys)}.");
                return null;
            }

            var step = New(keyNode, action);
            switch (action)
            {
                case StepAction.Scan:
                    return step with { Name = argument is YamlScalarNode { Value: { Length: > 0 } name } ? name : $"scan {number}" };
                case StepAction.Goto:
                    return Text(argument, keyword) is { } address && Resolve(argument, address) is { } url ? step with { Url = url } : null;
                case StepAction.WaitForUrl:
                    return Text(argument, keyword) is { } pattern ? step with { Name = pattern } : null;
                case StepAction.Fill or StepAction.Select:
                    return Pair(argument, keyword) is var (selector, value) && selector is not null && value is not null ? step with { Selector = selector, Value = value } : null;
                default:
                    return Text(argument, keyword) is { } target ? step with { Selector = target } : null;
            }

            JourneyStep New(YamlNode at, StepAction kind) => new(number, kind, null, null, null, null, file, (int)at.Start.Line, (int)at.Start.Column);
        }

        /// <summary>The selector and value of fill and select, in either of <c>{selector: …, value: …}</c> spellings.</summary>
        private (string? Selector, string? Value) Pair(YamlNode argument, string keyword)
        {
            if (argument is not YamlMappingNode mapping)
            {
                Error(argument.Start, $"{keyword} takes a mapping with \"selector\" and \"value\".");
                return (null, null);
            }

            string? selector = null;
            string? value = null;
            var given = 0;
            foreach (var (key, node) in mapping.Children)
            {
                switch (Scalar(key))
                {
                    case "selector":
                        selector = Text(node, "selector", allowEnvironment: false);
                        given++;
                        break;
                    case "value":
                        value = Text(node, "value");
                        given++;
                        break;
                    default:
                        Error(key.Start, $"unknown key \"{Scalar(key)}\" in {keyword}; it takes \"selector\" and \"value\".");
                        break;
                }
            }

            // A key whose value had an error of its own is not reported missing as well.
            if (given < 2)
            {
                Error(argument.Start, $"{keyword} needs both \"selector\" and \"value\".");
            }

            return (selector, value);
        }

        /// <summary>A non-empty scalar, with <c>${env:NAME}</c> replaced; the replacements are remembered as secrets.</summary>
        private string? Text(YamlNode node, string what, bool allowEnvironment = true)
        {
            if (node is not YamlScalarNode { Value: { } raw } || (raw.Length == 0 && what != "value"))
            {
                Error(node.Start, $"{what} needs a text value.");
                return null;
            }

            if (!raw.Contains("${", StringComparison.Ordinal))
            {
                return raw;
            }

            if (!allowEnvironment)
            {
                Error(node.Start, $"{what} cannot take values from the environment.");
                return null;
            }

            var ok = true;
            var resolved = EnvironmentReference().Replace(raw, match =>
            {
                var name = match.Groups["name"].Value;
                var value = environment(name);
                if (value is null)
                {
                    Error(node.Start, $"the environment variable {name} is not set.");
                    ok = false;
                    return "";
                }

                secrets.Add(value);
                return value;
            });
            if (ok && EnvironmentReference().Replace(raw, "").Contains("${", StringComparison.Ordinal))
            {
                Error(node.Start, "\"${\" starts a reference to an environment variable, written ${env:NAME}.");
                return null;
            }

            return ok ? resolved : null;
        }

        private Uri? Resolve(YamlNode node, string address)
        {
            if (!Uri.TryCreate(startUrls[0], address, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                Error(node.Start, "goto needs an http or https address, or a path on the first start URL's site.");
                return null;
            }

            if (!startUrls.Any(s => SiteDirectory.Origin(s) == SiteDirectory.Origin(url)))
            {
                // The session (cookies, headers) belongs to the start URLs' origins; the journey stays with them.
                Error(node.Start, $"goto leaves the start URLs' origins ({string.Join(", ", startUrls.Select(SiteDirectory.Origin).Distinct(StringComparer.Ordinal))}).");
                return null;
            }

            return url;
        }

        private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

        private void Error(Mark at, string message) => errors.Add((at.Line, at.Column, message));
    }
}
