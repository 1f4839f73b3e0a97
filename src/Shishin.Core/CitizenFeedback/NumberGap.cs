namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// What stands between two digit runs of one number in the view: at most three characters of spaces, one '-', one '('
/// or ')', or a single '.'. Anything else ends the number.
/// </summary>
internal enum NumberGap : byte
{
    None,
    Space,
    Dash,
    Dot,
    Open,
    Close,
}
