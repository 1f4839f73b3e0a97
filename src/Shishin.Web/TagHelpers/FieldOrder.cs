namespace Shishin.Web.TagHelpers;

/// <summary>
/// The order in which a page renders its fields (by element id), so the error summary can list problems in the order
/// a person meets the fields rather than in the order the handler happened to find them.
/// </summary>
public static class FieldOrder
{
    private static readonly object Key = new();

    public static void Register(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[Key] is not List<string> ids)
        {
            context.Items[Key] = ids = [];
        }

        if (!ids.Contains(id, StringComparer.Ordinal))
        {
            ids.Add(id);
        }
    }

    /// <summary>The position of a field on the page; fields the page did not register come after every registered one.</summary>
    public static int PositionOf(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.Items[Key] is List<string> ids ? ids.IndexOf(id) : -1;
        return index < 0 ? int.MaxValue : index;
    }
}
