using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Data;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary>POST /api/v1/services/{key}/feedback: what is stored, what is refused, and how.</summary>
public abstract class FeedbackApiTests(ShishinAppFactory app)
{
    private readonly IntakeSamples samples = new(app);

    [Fact]
    public async Task Submit_ValidFeedback_Answers202AfterTheRowAndTheDayAreStored()
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid("Clear and quick."));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = await IntakeSamples.IdAsync(response);
        // Read at once, without waiting: 202 is only sent after the commit.
        var stored = Assert.Single(await samples.StoredAsync(serviceId));
        Assert.Equal((id, 4, FeedbackTaskCompletion.Partly, "easy-to-understand took-too-long", "Clear and quick.", "en", "/apply/step-2", FeedbackSource.Api, FeedbackStatus.New),
            (stored.Id, stored.Rating, stored.TaskCompleted, stored.Reasons, stored.Comment, stored.Language, stored.PagePath, stored.Source, stored.Status));
        var day = Assert.Single(await samples.AggregatesAsync(serviceId));
        Assert.Equal((JapanTime.DateOf(DateTimeOffset.UtcNow), 1, 4, 1, 0, 1, 0), (day.Day, day.Count, day.RatingSum, day.Rating4, day.Completed, day.PartlyCompleted, day.NotCompleted));
    }

    [Fact]
    public async Task Submit_SeveralAtOnce_AddsEveryOneToTheDailyAggregate()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var client = samples.Client();

        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            IntakeSamples.PostAsync(client, key, new { rating = (i % 5) + 1, taskCompleted = i % 2 == 0 ? "yes" : "no" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var day = Assert.Single(await samples.AggregatesAsync(serviceId));
        Assert.Equal((10, 30, 2, 2, 2, 2, 2, 5, 0, 5), (day.Count, day.RatingSum, day.Rating1, day.Rating2, day.Rating3, day.Rating4, day.Rating5,
            day.Completed, day.PartlyCompleted, day.NotCompleted));
        Assert.Equal(10, (await samples.StoredAsync(serviceId)).Count);
    }

    public static TheoryData<string, string[]> BadBodies => new()
    {
        { """{"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":null,"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":0,"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":6,"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":-1,"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":3.5,"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":1e400,"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":99999999999999999999999999,"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":"4","taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":true,"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":[4],"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":{"value":4},"taskCompleted":"yes"}""", ["rating"] },
        { """{"rating":4}""", ["taskCompleted"] },
        { """{"rating":4,"taskCompleted":"maybe"}""", ["taskCompleted"] },
        { """{"rating":4,"taskCompleted":"YES"}""", ["taskCompleted"] },
        { """{"rating":4,"taskCompleted":1}""", ["taskCompleted"] },
        { """{"rating":4,"taskCompleted":["yes"]}""", ["taskCompleted"] },
        { """{"rating":4,"taskCompleted":"yes","reasons":"fast"}""", ["reasons"] },
        { """{"rating":4,"taskCompleted":"yes","reasons":[1]}""", ["reasons"] },
        { """{"rating":4,"taskCompleted":"yes","reasons":[null]}""", ["reasons"] },
        { """{"rating":4,"taskCompleted":"yes","reasons":["nope"]}""", ["reasons"] },
        { """{"rating":4,"taskCompleted":"yes","reasons":["fast","fast"]}""", ["reasons"] },
        { """{"rating":4,"taskCompleted":"yes","reasons":{"fast":true}}""", ["reasons"] },
        { "{\"rating\":4,\"taskCompleted\":\"yes\",\"reasons\":[" + string.Join(",", Enumerable.Repeat("\"fast\"", 12)) + "]}", ["reasons"] },
        { "{\"rating\":4,\"taskCompleted\":\"yes\",\"comment\":\"" + new string('あ', 2001) + "\"}", ["comment"] },
        { """{"rating":4,"taskCompleted":"yes","comment":5}""", ["comment"] },
        { """{"rating":4,"taskCompleted":"yes","comment":["a"]}""", ["comment"] },
        { """{"rating":4,"taskCompleted":"yes","comment":"\ud800 lone"}""", ["comment"] },
        { """{"rating":4,"taskCompleted":"yes","language":"fr"}""", ["language"] },
        { """{"rating":4,"taskCompleted":"yes","language":"JA"}""", ["language"] },
        { """{"rating":4,"taskCompleted":"yes","language":1}""", ["language"] },
        { """{"rating":4,"taskCompleted":"yes","pagePath":"apply"}""", ["pagePath"] },
        { """{"rating":4,"taskCompleted":"yes","pagePath":"//evil.example/x"}""", ["pagePath"] },
        { """{"rating":4,"taskCompleted":"yes","pagePath":"https://evil.example/x"}""", ["pagePath"] },
        { """{"rating":4,"taskCompleted":"yes","pagePath":"?q=1"}""", ["pagePath"] },
        { """{"rating":4,"taskCompleted":"yes","pagePath":"/a\u0001b"}""", ["pagePath"] },
        { "{\"rating\":4,\"taskCompleted\":\"yes\",\"pagePath\":\"/" + new string('a', 512) + "\"}", ["pagePath"] },
        { """{"rating":4,"taskCompleted":"yes","pagePath":5}""", ["pagePath"] },
        { "{\"rating\":\"x\",\"taskCompleted\":\"no way\",\"reasons\":[\"x\"],\"comment\":\"" + new string('c', 2001) + "\",\"language\":\"de\",\"pagePath\":\"x\"}",
            ["comment", "language", "pagePath", "rating", "reasons", "taskCompleted"] },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Submit_BadFields_Answers400NamingEachBadField(string body, string[] fields)
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.SendAsync(samples.Client(), key, body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await IntakeSamples.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(fields, errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(await samples.StoredAsync(serviceId));
    }

    public static TheoryData<string> MalformedBodies => new()
    {
        "",
        "{",
        "{\"rating\":4,",
        "[]",
        """[{"rating":4,"taskCompleted":"yes"}]""",
        "null",
        "42",
        "\"text\"",
        "true",
        new string('[', 5000) + new string(']', 5000),
        "{\"a\":" + new string('[', 100) + new string(']', 100) + "}",
        "{'rating':4}",
        "{\"rating\":4,\"taskCompleted\":\"yes\"} trailing",
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Submit_MalformedJson_Answers400ProblemForTheBody(string body)
    {
        var (_, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.SendAsync(samples.Client(), key, body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Submit_InvalidUtf8_Answers400()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        byte[] body = [.. "{\"rating\":4,\"taskCompleted\":\"yes\",\"comment\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/services/{key}/feedback") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");

        var response = await samples.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await samples.StoredAsync(serviceId));
    }

    [Fact]
    public async Task Submit_LimitsExactlyReached_Answers202()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var body = new
        {
            rating = 1,
            taskCompleted = "no",
            reasons = FeedbackReasons.All.Select(r => r.Code).ToArray(),
            comment = new string('あ', Core.CitizenFeedback.Feedback.MaxCommentLength),
            language = "ja",
            pagePath = "/" + new string('p', Core.CitizenFeedback.Feedback.MaxPagePathLength - 1),
        };

        var response = await IntakeSamples.PostAsync(samples.Client(), key, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single(await samples.StoredAsync(serviceId));
        Assert.Equal((FeedbackReasons.All.Count, 2000, 512), (stored.Reasons.Split(' ').Length, stored.Comment!.Length, stored.PagePath!.Length));
    }

    [Fact]
    public async Task Submit_OnlyRequiredFieldsWithNulls_Answers202WithDefaults()
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.SendAsync(samples.Client(), key,
            """{"rating":5,"taskCompleted":"yes","reasons":null,"comment":null,"language":null,"pagePath":null,"unknown":{"x":[1]}}""", "application/json");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single(await samples.StoredAsync(serviceId));
        Assert.Equal(("", null, "ja", null), (stored.Reasons, stored.Comment, stored.Language, stored.PagePath));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    public async Task Submit_NotJson_Answers415(string contentType)
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.SendAsync(samples.Client(), key, """{"rating":4,"taskCompleted":"yes"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await samples.StoredAsync(serviceId));
    }

    [Fact]
    public async Task Submit_DeclaredLengthOver16KB_Answers413()
    {
        var (_, key) = await samples.ServiceAsync();
        var body = "{\"rating\":4,\"taskCompleted\":\"yes\",\"x\":\"" + new string('x', 16 * 1024) + "\"}";

        var response = await IntakeSamples.SendAsync(samples.Client(), key, body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Submit_ChunkedBodyOver16KB_Answers413WhileReading()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"rating\":4,\"taskCompleted\":\"yes\",\"x\":\"" + new string('x', 20 * 1024) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/services/{key}/feedback") { Content = new StreamContent(new MemoryStream(bytes)) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await samples.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await samples.StoredAsync(serviceId));
    }

    [Fact]
    public async Task Submit_UnknownInternalOrDisabledService_Answers404()
    {
        var (_, internalKey) = await samples.ServiceAsync(isPublic: false);
        var (_, disabledKey) = await samples.ServiceAsync(enabled: false);
        var client = samples.Client();

        foreach (var key in new[] { "no-such-service", internalKey, disabledKey, new string('k', 300) })
        {
            var response = await IntakeSamples.PostAsync(client, key, IntakeSamples.Valid());

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Theory]
    [InlineData(IntakeSamples.Origin)]
    [InlineData("https://other.example.jp")]
    [InlineData(IntakeSamples.ExtraOrigin)]
    public async Task Submit_FromRegisteredOrigin_AllowsThatOriginWithoutCredentials(string origin)
    {
        var (_, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid(), origin);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://www.example.jp")]
    [InlineData("https://www.example.jp:8443")]
    [InlineData("https://forms.example.org")]
    [InlineData("null")]
    public async Task Submit_FromOtherOrigin_Answers403WithoutCorsHeaders(string origin)
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid(), origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Empty(await samples.StoredAsync(serviceId));
    }

    [Fact]
    public async Task Preflight_RegisteredOrigin_AllowsPostWithContentType()
    {
        var (_, key) = await samples.ServiceAsync();
        using var request = Preflight(key, IntakeSamples.ExtraOrigin);

        var response = await samples.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(IntakeSamples.ExtraOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("POST", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Equal("Content-Type", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Headers")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("https://evil.example", "POST")]
    [InlineData(IntakeSamples.Origin, "DELETE")]
    public async Task Preflight_OtherOriginOrMethod_GivesNoCorsHeaders(string origin, string method)
    {
        var (_, key) = await samples.ServiceAsync();
        using var request = Preflight(key, origin, method);

        var response = await samples.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Submit_HoneypotFilled_Answers202WithAnIdButStoresNothing()
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.SendAsync(samples.Client(), key,
            """{"rating":5,"taskCompleted":"yes","comment":"Buy cheap pills","website":"http://spam.example"}""", "application/json");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotEqual(Guid.Empty, await IntakeSamples.IdAsync(response));
        Assert.Empty(await samples.StoredAsync(serviceId));
        Assert.Empty(await samples.AggregatesAsync(serviceId));
    }

    [Fact]
    public async Task Submit_SameSubmissionTwiceFromOneClient_AnswersTheStoredIdAndStoresOnce()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var client = samples.Client();

        var first = await IntakeSamples.PostAsync(client, key, IntakeSamples.Valid("The map did not load."));
        var second = await IntakeSamples.PostAsync(client, key, IntakeSamples.Valid("The map did not load."));
        var fromElsewhere = await IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid("The map did not load."));
        var withoutComment = await Task.WhenAll(IntakeSamples.PostAsync(client, key, IntakeSamples.Valid()), IntakeSamples.PostAsync(client, key, IntakeSamples.Valid()));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted],
            [first.StatusCode, second.StatusCode, fromElsewhere.StatusCode, withoutComment[0].StatusCode, withoutComment[1].StatusCode]);
        var firstId = await IntakeSamples.IdAsync(first);
        // The repeat's 202 names the row that is stored, not an id that never reached the database.
        Assert.Equal(firstId, await IntakeSamples.IdAsync(second));
        var stored = await samples.StoredAsync(serviceId);
        Assert.Equal(new[] { firstId, await IntakeSamples.IdAsync(fromElsewhere) }.Order(), stored.Where(f => f.Comment == "The map did not load.").Select(f => f.Id).Order());
        Assert.Equal((await Task.WhenAll(withoutComment.Select(IntakeSamples.IdAsync))).Order(), stored.Where(f => f.Comment is null).Select(f => f.Id).Order());
    }

    [Fact]
    public async Task Submit_SameCommentWithAnotherRatingOrReason_StoresEach()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var client = samples.Client();
        const string Comment = "Thanks.";
        string[] fast = ["fast"];

        var answers = new[]
        {
            await IntakeSamples.PostAsync(client, key, new { rating = 5, taskCompleted = "yes", comment = Comment }),
            await IntakeSamples.PostAsync(client, key, new { rating = 2, taskCompleted = "yes", comment = Comment }),
            await IntakeSamples.PostAsync(client, key, new { rating = 2, taskCompleted = "yes", comment = Comment, reasons = fast }),
            await IntakeSamples.PostAsync(client, key, new { rating = 2, taskCompleted = "yes", comment = Comment, reasons = fast, pagePath = "/other" }),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        var ids = await Task.WhenAll(answers.Select(IntakeSamples.IdAsync));
        Assert.Equal(ids.Order(), (await samples.StoredAsync(serviceId)).Select(f => f.Id).Order());
        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public async Task Submit_RepeatWhileTheFirstIsBeingWritten_WaitsForItAndAnswersItsId()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var intake = app.Services.GetRequiredService<Web.Pages.Feedback.FeedbackIntake>();
        var target = await app.Services.GetRequiredService<FeedbackTargets>().FindAsync(key, CancellationToken.None);
        var submission = new FeedbackSubmission(3, "no", ["error-occurred"], "Error on step 2.", "en", "/apply");
        var client = "test-" + Guid.NewGuid().ToString("N");

        Task<Web.Pages.Feedback.IntakeResult> first, repeat;
        await using (await HoldWriteLockAsync(serviceId))
        {
            // Both claim before either is written: the first writes, the repeat waits for its commit.
            first = intake.SubmitAsync(target!, submission, [], false, client, FeedbackSource.Api);
            repeat = intake.SubmitAsync(target!, submission, [], false, client, FeedbackSource.Api);
            await UntilAsync(() => app.Services.GetRequiredService<FeedbackWriter>().Writing == 1);
            Assert.False(first.IsCompleted || repeat.IsCompleted);
        }

        var (firstResult, repeatResult) = (await first, await repeat);
        Assert.Equal(Web.Pages.Feedback.IntakeOutcome.Accepted, firstResult.Outcome);
        Assert.Equal(Web.Pages.Feedback.IntakeOutcome.Accepted, repeatResult.Outcome);
        Assert.Equal(firstResult.Id, repeatResult.Id);
        Assert.Equal(firstResult.Id, Assert.Single(await samples.StoredAsync(serviceId)).Id);
    }

    [Fact]
    public async Task Submit_RepeatOfOneWhoseBatchFails_WritesItselfAndAnswersItsOwnStoredId()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var (goneId, goneKey) = await samples.ServiceAsync();
        var http = samples.Client();
        Assert.Equal(HttpStatusCode.Accepted, (await IntakeSamples.PostAsync(http, goneKey, IntakeSamples.Valid())).StatusCode);
        await DeleteServiceAsync(goneId);
        var intake = app.Services.GetRequiredService<Web.Pages.Feedback.FeedbackIntake>();
        var writer = app.Services.GetRequiredService<FeedbackWriter>();
        var target = await app.Services.GetRequiredService<FeedbackTargets>().FindAsync(key, CancellationToken.None);
        var submission = new FeedbackSubmission(1, "no", [], "Could not log in.", "ja", null);
        var client = "test-" + Guid.NewGuid().ToString("N");

        Task<HttpResponseMessage> busy, gone;
        Task<Web.Pages.Feedback.IntakeResult> original, repeat;
        await using (await HoldWriteLockAsync(serviceId))
        {
            busy = IntakeSamples.PostAsync(http, key, IntakeSamples.Valid());
            await UntilAsync(() => writer.Writing == 1);
            // The next batch: the deleted service's submission (a foreign key violation) and the original.
            gone = IntakeSamples.PostAsync(http, goneKey, IntakeSamples.Valid());
            await UntilAsync(() => writer.Waiting == 1);
            original = intake.SubmitAsync(target!, submission, [], false, client, FeedbackSource.Api);
            repeat = intake.SubmitAsync(target!, submission, [], false, client, FeedbackSource.Api);
            await UntilAsync(() => writer.Waiting == 2);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await busy).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await gone).StatusCode);
        Assert.Equal(Web.Pages.Feedback.IntakeOutcome.Unavailable, (await original).Outcome);
        var written = await repeat;
        Assert.Equal(Web.Pages.Feedback.IntakeOutcome.Accepted, written.Outcome);
        Assert.Equal(written.Id, Assert.Single(await samples.StoredAsync(serviceId), f => f.Comment == "Could not log in.").Id);
    }

    /// <summary>Written against the redactor's contract; passes once the privacy engineer's redactor replaces the placeholder.</summary>
    [Fact]
    public async Task Submit_CommentWithEmailAndPhone_StoresItRedacted()
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid("返信は taro.yamada@example.jp か 090-1234-5678 へ"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single(await samples.StoredAsync(serviceId));
        Assert.DoesNotContain("taro.yamada@example.jp", stored.Comment, StringComparison.Ordinal);
        Assert.DoesNotContain("1234-5678", stored.Comment, StringComparison.Ordinal);
        Assert.StartsWith("返信は ", stored.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_BadField_ProblemNeverQuotesTheComment()
    {
        var (_, key) = await samples.ServiceAsync();
        var body = new { rating = 9, taskCompleted = "yes", comment = "canary-3f9 " + new string('z', 2000) };

        var response = await IntakeSamples.PostAsync(samples.Client(), key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("canary-3f9", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchFails_EveryRequestOfThatBatch_Gets503AndNothingOfItIsStored()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var (goneId, goneKey) = await samples.ServiceAsync();
        var client = samples.Client();
        // The intake knows the service from its cache; deleting it makes the next batch that files for it fail for real
        // (a foreign key violation).
        Assert.Equal(HttpStatusCode.Accepted, (await IntakeSamples.PostAsync(client, goneKey, IntakeSamples.Valid())).StatusCode);
        await DeleteServiceAsync(goneId);
        var writer = app.Services.GetRequiredService<FeedbackWriter>();

        Task<HttpResponseMessage> first, gone;
        Task<HttpResponseMessage>[] sameBatch;
        await using (var hold = await HoldWriteLockAsync(serviceId))
        {
            // The writer takes the first submission and waits for the lock; the next three queue up behind it and will
            // be taken together as one batch when the lock is released.
            first = IntakeSamples.PostAsync(client, key, IntakeSamples.Valid());
            await UntilAsync(() => writer.Writing == 1);
            gone = IntakeSamples.PostAsync(client, goneKey, IntakeSamples.Valid());
            sameBatch = [IntakeSamples.PostAsync(client, key, IntakeSamples.Valid()), IntakeSamples.PostAsync(client, key, IntakeSamples.Valid())];
            await UntilAsync(() => writer.Waiting == 3);
        }

        var firstResponse = await first;
        var failed = await Task.WhenAll([gone, .. sameBatch]);

        Assert.Equal(HttpStatusCode.Accepted, firstResponse.StatusCode);
        Assert.All(failed, r =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        });
        var stored = Assert.Single(await samples.StoredAsync(serviceId));
        Assert.Equal(await IntakeSamples.IdAsync(firstResponse), stored.Id);
        Assert.Equal(1, Assert.Single(await samples.AggregatesAsync(serviceId)).Count);
        // The failed batch emptied the service cache: the deleted service is now unknown.
        Assert.Equal(HttpStatusCode.NotFound, (await IntakeSamples.PostAsync(client, goneKey, IntakeSamples.Valid())).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheFeedbackEndpoint()
    {
        var document = await IntakeSamples.JsonAsync(await app.NewClient().GetAsync("/openapi/v1.json"));

        var operation = document.GetProperty("paths").GetProperty("/api/v1/services/{key}/feedback").GetProperty("post");
        Assert.Equal("SubmitFeedback", operation.GetProperty("operationId").GetString());
        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty("202", out _));
        foreach (var status in new[] { "429", "503" })
        {
            var retryAfter = responses.GetProperty(status).GetProperty("headers").GetProperty("Retry-After");
            Assert.Equal("integer", retryAfter.GetProperty("schema").GetProperty("type").GetString());
            Assert.True(retryAfter.GetProperty("required").GetBoolean());
        }

        var schema = Resolve(document, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["rating", "taskCompleted"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        var properties = schema.GetProperty("properties");
        var rating = properties.GetProperty("rating");
        Assert.Equal((1, 5), (rating.GetProperty("minimum").GetInt32(), rating.GetProperty("maximum").GetInt32()));
        Assert.Equal(["yes", "partly", "no"], Values(properties.GetProperty("taskCompleted").GetProperty("enum")));
        Assert.All(Values(properties.GetProperty("taskCompleted").GetProperty("enum")), v => Assert.NotNull(FeedbackValidator.ParseCompletion(v!)));
        Assert.Equal(["ja", "en"], Values(properties.GetProperty("language").GetProperty("enum")));
        var reasons = properties.GetProperty("reasons");
        Assert.Equal(FeedbackReasons.All.Select(r => r.Code), Values(reasons.GetProperty("items").GetProperty("enum")));
        Assert.Equal(FeedbackReasons.All.Count, reasons.GetProperty("maxItems").GetInt32());
        Assert.True(reasons.GetProperty("uniqueItems").GetBoolean());
        Assert.Equal(Core.CitizenFeedback.Feedback.MaxCommentLength, properties.GetProperty("comment").GetProperty("maxLength").GetInt32());
        Assert.Equal(Core.CitizenFeedback.Feedback.MaxPagePathLength, properties.GetProperty("pagePath").GetProperty("maxLength").GetInt32());
        Assert.Contains("very satisfied", rating.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_OutOfTheDescribedRange_StillAnswersTheValidatorsLocalisedMessages()
    {
        var (_, key) = await samples.ServiceAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/services/{key}/feedback")
        {
            Content = new StringContent("""{"rating":6,"taskCompleted":"maybe","language":"fr"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept-Language", "ja");

        var problem = await IntakeSamples.JsonAsync(await samples.Client().SendAsync(request));

        var errors = problem.GetProperty("errors");
        Assert.Equal("1から5の評価を選んでください。", errors.GetProperty("rating")[0].GetString());
        Assert.True(errors.TryGetProperty("taskCompleted", out _));
        Assert.True(errors.TryGetProperty("language", out _));
    }

    private static List<string?> Values(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];

    /// <summary>Follows a <c>$ref</c> to <c>#/components/schemas/…</c>.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    private static HttpRequestMessage Preflight(string key, string origin, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"/api/v1/services/{key}/feedback");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private async Task DeleteServiceAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        await db.Services.Where(s => s.Id == id).ExecuteDeleteAsync();
    }

    /// <summary>Holds the database's write lock for Feedback (SQLite: the database's; PostgreSQL: the table's) until disposed.</summary>
    private async Task<IAsyncDisposable> HoldWriteLockAsync(Guid serviceId)
    {
        var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"Feedback\" IN SHARE ROW EXCLUSIVE MODE");
        }
        else
        {
            await db.ServiceFeedbackSettings.Where(s => s.ServiceId == serviceId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Revision, x => x.Revision));
        }

        return new Release(transaction, scope);
    }

    private sealed class Release(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, AsyncServiceScope scope) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await scope.DisposeAsync();
        }
    }

    /// <summary>Waits for the writer to reach a state (generously: the machine may be busy); fails if it never does.</summary>
    internal static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The writer did not reach the expected state.");
    }
}

public sealed class FeedbackApiTests_Sqlite(SqliteAppFactory app) : FeedbackApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class FeedbackApiTests_Postgres(PostgresAppFactory app) : FeedbackApiTests(app), IClassFixture<PostgresAppFactory>;
