// Redactions per second for typical 200-character comments: `dotnet run -c Release bench/redaction/measure.cs`.
// A plain loop, not BenchmarkDotNet: the figure only has to show the redactor is far from the intake's bottleneck.
#:project ../../src/Shishin.Core/Shishin.Core.csproj
#:property RestorePackagesWithLockFile=false

using System.Diagnostics;
using Shishin.Core.CitizenFeedback;

var comments = new (string Name, string Text)[]
{
    ("no digits, no @ (fast path)", Pad("申請フォームの入力項目が多く、途中で何を入力すればよいのかわからなくなりました。説明文がもう少し短く、具体的な例があると助かります。スマートフォンでは文字が小さく、ボタンも押しにくかったです。")),
    ("digits, no personal data", Pad("2026年12月5日の10:30ごろに申請しました。3回目でようやく完了しましたが、手数料1,234円の表示がわかりにくく、ステップ2から3に進むボタンが見つかりませんでした。受付番号 2026-1205-0001 です。")),
    ("e-mail, phone and My Number", Pad("申請がうまくいかないので連絡をください。メールは taro.yamada@example.jp 、電話は090-1234-5678（平日10時〜17時）です。マイナンバー１２３４ ５６７８ ９０１８を入力するとエラーになりました。")),
};

foreach (var (name, text) in comments)
{
    var expected = PersonalDataRedactor.Redact(text).Redactions;
    Measure(TimeSpan.FromSeconds(1), text); // warm-up: tiered JIT, regex and pool
    foreach (var threads in new[] { 1, Environment.ProcessorCount })
    {
        // Best of three rounds: on a shared machine the slowest rounds measure the neighbours, not the redactor.
        var perSecond = Enumerable.Range(0, 3).Max(_ => Measure(TimeSpan.FromSeconds(2), text, threads));
        Console.WriteLine($"{name,-30} {text.Length} chars, {expected} redactions, {threads} thread(s): {perSecond,12:N0} per second");
    }
}

static string Pad(string text)
{
    while (text.Length < 200)
    {
        text += "ご検討よろしくお願いします。";
    }

    return text[..200];
}

static double Measure(TimeSpan duration, string text, int threads = 1)
{
    long total = 0;
    var clock = Stopwatch.StartNew();
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
    {
        long count = 0;
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 100; i++)
            {
                _ = PersonalDataRedactor.Redact(text);
            }

            count += 100;
        }

        Interlocked.Add(ref total, count);
    });
    return total / clock.Elapsed.TotalSeconds;
}
