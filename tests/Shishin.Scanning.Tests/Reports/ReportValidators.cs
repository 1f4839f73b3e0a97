using System.Diagnostics;
using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using Xunit.Abstractions;

namespace Shishin.Scanning.Tests.Reports;

/// <summary>The outside validators the report tests share: Microsoft's SARIF multitool and the Jenkins JUnit XSD.</summary>
internal static class ReportValidators
{
    /// <summary>Runs <c>Sarif.Multitool validate</c> (npm <c>@microsoft/sarif-multitool-linux</c>, installed by scripts/test.sh) and returns what it found.</summary>
    public static async Task<List<(string RuleId, string Level, string Text)>> SarifMultitoolAsync(string sarifFile, ITestOutputHelper output)
    {
        var tool = Environment.GetEnvironmentVariable("SHISHIN_TEST_SARIF_MULTITOOL") is { Length: > 0 } configured
            ? configured
            : RepositoryFile("tests", "tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        Assert.True(File.Exists(tool), $"The SARIF multitool is not at {tool}: run 'npm ci --prefix tests/tools' (scripts/test.sh does).");

        var log = sarifFile + ".validation.sarif";
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "validate", sarifFile, "--output", log, "--log", "ForceOverwrite", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine($"Sarif.Multitool validate {Path.GetFileName(sarifFile)}: exit {process.ExitCode}\n{await stderr}");
        Assert.True(process.ExitCode == 0, await stdout);

        using var validation = JsonDocument.Parse(await File.ReadAllTextAsync(log));
        var run = validation.RootElement.GetProperty("runs")[0];
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        return [.. run.GetProperty("results").EnumerateArray().Select(r => (
            r.GetProperty("ruleId").GetString()!,
            r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
            r.GetProperty("message").TryGetProperty("text", out var text) ? text.GetString()! : r.GetProperty("message").GetRawText()))];
    }

    /// <summary>What the Jenkins JUnit XSD finds wrong with <paramref name="junit"/>; empty when it is valid.</summary>
    public static List<string> JenkinsXsdProblems(string junit)
    {
        var schemas = new XmlSchemaSet();
        using (var xsd = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "jenkins-junit.xsd")))
        {
            schemas.Add(null, xsd);
        }

        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(junit), settings))
        {
            while (reader.Read())
            {
            }
        }

        return problems;
    }

    public static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Shishin.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new InvalidOperationException("Shishin.slnx not found above the test folder."), .. parts]);
    }
}
