using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Shishin.Web.Endpoints;

/// <summary>Reads an API request's JSON body, answering what a client can act on when it cannot be read.</summary>
internal static class JsonRequestBody
{
    /// <summary>The web defaults (camelCase, case-insensitive names) every <c>/api/v1</c> body is read with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The body as <typeparamref name="T"/>, or a problem: 415 when it is not JSON, 400 naming the field when the JSON
    /// is malformed or a value has the wrong type, 400 when it is <c>null</c>.
    /// </summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, IStringLocalizer l)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Send the body as JSON."],
                detail: l["Use the content type application/json."]));
        }

        try
        {
            var body = await context.Request.ReadFromJsonAsync<T>(Options, context.RequestAborted);
            return body is null
                ? (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [l["Send a JSON object."]] }, title: l["Some fields are not valid."]))
                : (body, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [l["This is not valid JSON or not a value of the right type."]] },
                title: l["Some fields are not valid."]));
        }
    }
}
